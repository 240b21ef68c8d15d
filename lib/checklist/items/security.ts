/** Security 1.1–1.25 (no 1.6), in seed order. */
import { SECURITY_DETECTION_AND_DATA_ITEMS } from './security-detection-and-data';
import { SECURITY_IDENTITY_ITEMS } from './security-identity';
import { TechnicalItem } from '../types';

export const SECURITY_ITEMS: readonly TechnicalItem[] = [...SECURITY_IDENTITY_ITEMS, ...SECURITY_DETECTION_AND_DATA_ITEMS];
