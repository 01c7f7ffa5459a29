import enCore from './en.json';
import enRecette from './en.recette.json';
import enRequirements from './en.requirements.json';
import enSpecifications from './en.specifications.json';
import enTraceability from './en.traceability.json';
import frCore from './fr.json';
import frRecette from './fr.recette.json';
import frRequirements from './fr.requirements.json';
import frSpecifications from './fr.specifications.json';
import frTraceability from './fr.traceability.json';

/**
 * The message catalogues, one file per domain and language so features can grow their own texts side by side.
 * Domain files add top-level namespaces (`requirements`, `specifications`, `traceability`, …); they never
 * redefine one from another file.
 */
export const catalogues = {
  fr: { ...frCore, ...frRequirements, ...frSpecifications, ...frTraceability, ...frRecette },
  en: { ...enCore, ...enRequirements, ...enSpecifications, ...enTraceability, ...enRecette },
} as const;
