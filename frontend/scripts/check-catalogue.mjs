// Prints every problem of the interface string catalogue; exits 1 if there is one.
import { checkCatalogues } from './catalogue.mjs';
import { LANGUAGES } from './languages.mjs';

const problems = checkCatalogues(LANGUAGES);
for (const problem of problems) console.log(problem);
console.log(problems.length ? `catalogue: ${problems.length} problems` : `catalogue: ${LANGUAGES.length} languages complete`);
process.exit(problems.length ? 1 : 0);
