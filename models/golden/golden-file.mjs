// The golden file both producers write (make-golden.mjs, make-golden-faceapi.mjs): one vector per
// face crop with the exact model input as base64 float32 little-endian, read back by the Java tests.
import { writeFileSync } from 'node:fs';

function base64(float32) {
  return Buffer.from(float32.buffer, float32.byteOffset, float32.byteLength).toString('base64');
}

// One face: where it came from, the input tensor the model ran on and what the original computed.
export async function goldenVector(face, input, expected) {
  const vector = {
    name: `${face.image.replace('.jpg', '')}-${face.box.join('-')}`,
    image: `testdata/faces/${face.image}`,
    box: face.box,
    note: face.note,
    inputShape: input.shape,
    input: base64(await input.data()),
    expected,
  };
  console.log(vector.name, expected.map((v) => v.toFixed(4)).join(' '));
  return vector;
}

// header: { model, source, producer, labels }, written in that order before tolerance and vectors.
export function writeGolden(out, header, vectors) {
  writeFileSync(out, JSON.stringify({ ...header, tolerance: 1e-4, vectors }, null, 1) + '\n');
  console.log(`wrote ${vectors.length} vectors to ${out}`);
}
