import { topicForFinding } from '../../knowledge/finding-topics.js';
import type { Finding } from '../report-schema.js';
import { findingCatalogue, type FindingId } from './finding-catalogue.js';

/** Builds a finding with the catalogue's severity and title and the explanation topic of its id. */
export function makeFinding(id: FindingId, evidence: string, fix: string): Finding {
  const { severity, title } = findingCatalogue[id];
  return { id, severity, title, evidence, fix, topic: topicForFinding(id) };
}
