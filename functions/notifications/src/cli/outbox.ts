/**
 * Lists the SMS, push notifications and critical alerts the function "sent" locally
 * (SNS_CHANNEL=local), oldest first.
 *
 *   tsx functions/notifications/src/cli/outbox.ts [--dir <ARKA_DATA_DIR>] [--json]
 *
 * The directory defaults to ARKA_DATA_DIR, then ./.arka-data.
 */
import { parseArgs } from 'node:util';
import { listLocalOutbox } from '../local-outbox/local-outbox';
import { formatOutbox } from '../local-outbox/format-outbox';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const dir = values.dir ?? process.env.ARKA_DATA_DIR ?? '.arka-data';

const entries = await listLocalOutbox(dir);
process.stdout.write(values.json ? `${JSON.stringify(entries, null, 2)}\n` : formatOutbox(entries, dir));
