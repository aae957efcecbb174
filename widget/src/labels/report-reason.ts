import { msg } from '@lit/localize';
import type { ReportReason } from '@buurtplein/sdk/contract';

/** Every reason, in the order the report form offers them (checked complete against the contract). */
export const REPORT_REASONS = Object.keys({ spam: 0, offensive: 0, 'personal-data': 0, misinformation: 0, other: 0 } satisfies Record<ReportReason, 0>) as ReportReason[];

/** Why a resident reports something, in the current locale. */
export function reportReasonLabel(reason: ReportReason): string {
  switch (reason) {
    case 'spam':
      return msg('Reclame of spam', { id: 'report-spam' });
    case 'offensive':
      return msg('Beledigend of kwetsend', { id: 'report-offensive' });
    case 'personal-data':
      return msg('Bevat persoonsgegevens', { id: 'report-personal-data' });
    case 'misinformation':
      return msg('Onjuiste informatie', { id: 'report-misinformation' });
    default:
      return msg('Iets anders', { id: 'report-other' });
  }
}
