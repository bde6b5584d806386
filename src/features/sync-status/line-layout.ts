import type { OfferingGroup, RemoteGroup } from '../../api/types';
import { chosen, type SyncLine } from './sync-lines';

/*
 * Every sync line has a height known from its data (its kind, how many candidates it has,
 * whether one is chosen): each of its texts is one line, cut with an ellipsis and whole in its
 * title. The virtualiser is given these heights and never measures a row, so scrolling a
 * screenful of new lines costs their render and nothing in proportion to the list (bench
 * figure 13). The pixel sizes are those of sync-status-view.module.css: keep them the same.
 */
const ROW_FRAME = 1 + 2 * 8; // top border, vertical padding
const NAME_HEIGHT = 20;
const DETAIL_STEP = 2 + 18; // gap, one line of detail
const PICKER_STEP = 2 + 30; // gap, the select

/** Each section's list shows at most this many pixels; it scrolls within. */
export const SECTION_HEIGHT = 480;
/** Lines drawn beyond each edge of a section's viewport. */
export const LINE_OVERSCAN = 4;

/** The group a line acts on: its only candidate, or the one chosen. */
export function lineTarget(line: SyncLine, choice: string | undefined): OfferingGroup | RemoteGroup | undefined {
  return line.kind === 'remote' ? chosen(line.candidates, choice) : chosen(line.candidates, choice);
}

/**
 * The pixel height of a line's row: its name, then for a synced line "Keycloak: …", then the
 * group's facts or "not found"; with several candidates, the chosen one's facts (once chosen),
 * the picker and its description instead.
 */
export function lineHeight(line: SyncLine, choices: ReadonlyMap<string, string>): number {
  let details = line.kind === 'synced' ? 1 : 0;
  if (line.candidates.length <= 1) return ROW_FRAME + NAME_HEIGHT + (details + 1) * DETAIL_STEP;
  details += (lineTarget(line, choices.get(line.id)) ? 1 : 0) + 1;
  return ROW_FRAME + NAME_HEIGHT + details * DETAIL_STEP + PICKER_STEP;
}
