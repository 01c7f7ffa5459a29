import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ResultFileError } from '../result-file-error';
import { decodeXmlEntities, refuseDoctype } from '../xml-text';
import type { PerformanceReport } from './performance-report';
import { jmeterReport, type JMeterSample } from './jmeter-samples';

type XmlNode = Record<string, unknown>;

/** Entity processing off, as for JUnit: nothing is ever expanded (see xml-text.ts). */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  // Every child may repeat; reading them all as lists keeps one code path.
  isArray: (_name, jpath, _leaf, isAttribute) => !isAttribute && String(jpath).split('.').length >= 2,
});

const asNodes = (value: unknown): XmlNode[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is XmlNode => typeof v === 'object' && v !== null);

const attr = (node: XmlNode, name: string) => (typeof node[`@${name}`] === 'string' ? decodeXmlEntities(node[`@${name}`] as string) : '');

/** The text of an element the parser gave as a string (text only) or as a node (with attributes). */
const textOf = (value: unknown): string => {
  const raw = typeof value === 'object' && value !== null ? (value as XmlNode)['#text'] : value;
  return typeof raw === 'string' ? raw.trim() : '';
};

/**
 * Without the `s` attribute (not saved), a sample failed when one of its assertions failed or erred, which is how
 * JMeter itself decides `s`.
 */
function succeeded(node: XmlNode): boolean {
  const s = attr(node, 's').trim().toLowerCase();
  if (s) return s === 'true';
  const flags = asNodes(node.assertionResult).flatMap((a) => [a.failure, a.error].flatMap((flag) => (Array.isArray(flag) ? flag : [flag])));
  return !flags.some((flag) => textOf(flag) === 'true');
}

/**
 * A JMeter XML results file (format 2.1 and later): a `testResults` root whose children are `sample` or
 * `httpSample` elements, one per sample, with `t` (elapsed ms), `ts` (start, epoch ms), `s` (success) and `lb`
 * (label). Sub-samples nested in a sample (embedded resources, a transaction's children) are part of their parent's
 * time and are not counted again, as in the CSV format, which records top-level samples only.
 */
export function parseJMeterXml(text: string, fileName: string): PerformanceReport {
  refuseDoctype(text, fileName);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ResultFileError('malformed', fileName, `${valid.err.line}:${valid.err.col} ${valid.err.msg}`);
  const root = asNodes((parser.parse(text) as XmlNode).testResults)[0];
  if (!root) throw new ResultFileError('performanceInvalid', fileName, 'testResults');
  const samples: JMeterSample[] = [];
  for (const element of ['sample', 'httpSample']) {
    for (const node of asNodes(root[element])) {
      const elapsed = Number(attr(node, 't'));
      if (attr(node, 't').trim() === '' || !Number.isFinite(elapsed)) throw new ResultFileError('performanceInvalid', fileName, `${element} t`);
      const stamp = attr(node, 'ts').trim();
      samples.push({ label: attr(node, 'lb'), elapsed, success: succeeded(node), timeStamp: stamp === '' ? Number.NaN : Number(stamp) });
    }
  }
  return jmeterReport(samples, fileName);
}
