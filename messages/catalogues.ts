import enAnomalies from './en.anomalies.json';
import enApi from './en.api.json';
import enArchive from './en.archive.json';
import enCampaigns from './en.campaigns.json';
import enCore from './en.json';
import enEvidence from './en.evidence.json';
import enReadiness from './en.readiness.json';
import enRecette from './en.recette.json';
import enResultsImport from './en.results-import.json';
import enRunner from './en.runner.json';
import enSignoff from './en.signoff.json';
import enRequirements from './en.requirements.json';
import enReqif from './en.reqif.json';
import enSpecifications from './en.specifications.json';
import enSpreadsheets from './en.spreadsheets.json';
import enTraceability from './en.traceability.json';
import enNotifications from './en.notifications.json';
import frAnomalies from './fr.anomalies.json';
import frApi from './fr.api.json';
import frArchive from './fr.archive.json';
import frCampaigns from './fr.campaigns.json';
import frCore from './fr.json';
import frEvidence from './fr.evidence.json';
import frReadiness from './fr.readiness.json';
import frRecette from './fr.recette.json';
import frResultsImport from './fr.results-import.json';
import frRunner from './fr.runner.json';
import frSignoff from './fr.signoff.json';
import frRequirements from './fr.requirements.json';
import frReqif from './fr.reqif.json';
import frSpecifications from './fr.specifications.json';
import frSpreadsheets from './fr.spreadsheets.json';
import frTraceability from './fr.traceability.json';
import frNotifications from './fr.notifications.json';

/**
 * The message catalogues, one file per domain and language so features can grow their own texts side by side.
 * Domain files add top-level namespaces (`requirements`, `specifications`, `traceability`, …); they never
 * redefine one from another file.
 */
export const catalogues = {
  fr: { ...frCore, ...frRequirements, ...frSpecifications, ...frTraceability, ...frRecette, ...frCampaigns, ...frRunner, ...frAnomalies, ...frEvidence, ...frSignoff, ...frResultsImport, ...frApi, ...frReadiness, ...frReqif, ...frSpreadsheets, ...frArchive, ...frNotifications },
  en: { ...enCore, ...enRequirements, ...enSpecifications, ...enTraceability, ...enRecette, ...enCampaigns, ...enRunner, ...enAnomalies, ...enEvidence, ...enSignoff, ...enResultsImport, ...enApi, ...enReadiness, ...enReqif, ...enSpreadsheets, ...enArchive, ...enNotifications },
} as const;
