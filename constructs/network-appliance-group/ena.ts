/**
 * Which EC2 instance types have the Elastic Network Adapter (ENA).
 *
 * One table serves the construct's validation and the `EnaInstanceType` rule: `lib/rules/utils/ena.ts`.
 * It answers `undefined` for a family it does not know (a new generation, a typo): the construct refuses
 * those too, rather than assume.
 */
export { supportsEna, parseFamily } from '../../lib/rules/utils/ena';
