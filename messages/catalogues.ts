import enAnomalies from './en.anomalies.json';
import enCampaigns from './en.campaigns.json';
import enCore from './en.json';
import enEvidence from './en.evidence.json';
import enRecette from './en.recette.json';
import enRunner from './en.runner.json';
import enRequirements from './en.requirements.json';
import enSpecifications from './en.specifications.json';
import enSpreadsheets from './en.spreadsheets.json';
import enTraceability from './en.traceability.json';
import frAnomalies from './fr.anomalies.json';
import frCampaigns from './fr.campaigns.json';
import frCore from './fr.json';
import frEvidence from './fr.evidence.json';
import frRecette from './fr.recette.json';
import frRunner from './fr.runner.json';
import frRequirements from './fr.requirements.json';
import frSpecifications from './fr.specifications.json';
import frSpreadsheets from './fr.spreadsheets.json';
import frTraceability from './fr.traceability.json';

/**
 * The message catalogues, one file per domain and language so features can grow their own texts side by side.
 * Domain files add top-level namespaces (`requirements`, `specifications`, `traceability`, …); they never
 * redefine one from another file.
 */
export const catalogues = {
  fr: { ...frCore, ...frRequirements, ...frSpecifications, ...frTraceability, ...frRecette, ...frCampaigns, ...frRunner, ...frAnomalies, ...frEvidence, ...frSpreadsheets },
  en: { ...enCore, ...enRequirements, ...enSpecifications, ...enTraceability, ...enRecette, ...enCampaigns, ...enRunner, ...enAnomalies, ...enEvidence, ...enSpreadsheets },
} as const;
