import { start } from '../../src/app/start';
import { fixtureSources } from './fixtureSources';

void start(fixtureSources);
