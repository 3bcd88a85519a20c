import { start } from './app/start';
import { unavailableSources } from './data/unavailableSources';

void start(unavailableSources);
