// Evidence with a report, keyboard only with axe on every page: on the confirmation page the
// citizen uploads a photo (checked by a real clamd in the build) and the EICAR test file, which
// is refused as a virus; the handler sees the photo's preview on the case.
import { deflateSync } from 'node:zlib';
import { assert, log } from '../lib.mjs';

const WAIT = { timeout: 15000 };
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** A real PNG, drawn here: a 64×48 picture in the force's blue with an orange band. */
function png(width = 64, height = 48) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(...(y > height / 3 && y < (2 * height) / 3 ? [244, 119, 56] : [29, 112, 184]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function upload(d, file) {
  await d.tabToSelector('#evidenceFile');
  await d.page.setInputFiles('#evidenceFile', file);
  await d.pressButton('Upload file');
}

/**
 * The citizen is on the report's confirmation page, the handler on the report's case page.
 * Ends with both where they were.
 */
export async function evidenceWithTheReport(citizen, handler, reference, acting) {
  acting(citizen);
  await upload(citizen, { name: 'bike-at-the-station.png', mimeType: 'image/png', buffer: png() });
  await citizen.page.locator('[data-testid=files-sent]', { hasText: 'bike-at-the-station.png' }).waitFor(WAIT);
  await citizen.checkPage('report-file-uploaded');
  log('citizen uploaded a photo from the confirmation page');
  await upload(citizen, { name: 'eicar.com', mimeType: 'application/octet-stream', buffer: Buffer.from(EICAR, 'ascii') });
  await citizen.page.locator('.govuk-error-summary', { hasText: 'The selected file contains a virus' }).waitFor(WAIT);
  await citizen.page.locator('#evidenceFile-error', { hasText: 'The selected file contains a virus' }).waitFor(WAIT);
  await citizen.checkPage('report-file-virus');
  assert(!(await citizen.text('[data-testid=files-sent]')).includes('eicar'), 'the infected file is listed as sent');
  log('the EICAR test file was refused as a virus');

  acting(handler);
  await handler.page.reload();
  await handler.arrive(`/staff/cases/${reference}`, 'case-with-file');
  const preview = handler.page.locator('[data-testid=case-files] img[alt="Preview of bike-at-the-station.png"]');
  await preview.waitFor(WAIT);
  assert(await preview.evaluate((img) => img.complete && img.naturalWidth === 64), 'the preview of the photo is not shown');
  assert((await handler.text('[data-testid=case-files]')).includes('SHA-256'), "the file's SHA-256 is not shown");
  assert(!(await handler.text('[data-testid=case-files]')).includes('eicar'), 'the infected file reached the case');
  log("handler sees the photo's preview and its SHA-256 on the case");
}

/** In a live chat, both ways: the citizen sends a photo the handler sees previewed; the handler sends a document back. */
export async function evidenceInTheChat(citizen, handler, acting) {
  acting(citizen);
  await citizen.tabToSelector('#chatFile');
  await citizen.page.setInputFiles('#chatFile', { name: 'the-scene.png', mimeType: 'image/png', buffer: png() });
  await citizen.pressButton('Upload file');
  await citizen.page.locator('[role=log] [data-testid=chat-file]', { hasText: 'the-scene.png' }).waitFor(WAIT);
  log('citizen sent a photo in the chat');

  acting(handler);
  const preview = handler.page.locator('[role=log] img[alt="Preview of the-scene.png"]');
  await preview.waitFor(WAIT);
  assert(await preview.evaluate((img) => img.complete && img.naturalWidth === 64), 'the handler does not see the photo previewed');
  await handler.checkPage('workspace-chat-file');
  log('handler sees the photo previewed in the chat');
  await handler.tabToSelector('#handlerChatFile');
  const advice = Buffer.from('%PDF-1.4\n% Crime prevention advice\n%%EOF\n', 'ascii');
  await handler.page.setInputFiles('#handlerChatFile', { name: 'crime-prevention-advice.pdf', mimeType: 'application/pdf', buffer: advice });
  await handler.pressButton('Upload file');

  acting(citizen);
  await citizen.page.locator('[role=log] [data-testid=chat-file]', { hasText: 'crime-prevention-advice.pdf' }).waitFor(WAIT);
  const download = citizen.page.waitForEvent('download', WAIT);
  await citizen.pressButton('Download crime-prevention-advice.pdf');
  const saved = await download;
  assert(saved.suggestedFilename() === 'crime-prevention-advice.pdf', `the citizen's download is named ${saved.suggestedFilename()}`);
  await citizen.checkPage('chat-file-from-handler');
  log('the handler sent a document the citizen downloaded');
}
