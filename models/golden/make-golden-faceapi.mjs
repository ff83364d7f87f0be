// Golden outputs of the ORIGINAL face-api FaceExpressionNet (@vladmandic/face-api@1.7.15) on real
// face crops from its demo photos. The ONNX model built in Java (faceapi-expression) must reproduce
// them.
//
// The library itself does the work: its pure-JS Node build (dist/face-api.node-wasm.js, running on
// @tensorflow/tfjs 4.22.0, no tfjs-node) loads the package's weights through tf.io.decodeWeights
// (which dequantises the uint8 tensors) and its own loadFromWeightMap, preprocesses a crop with its
// own NetInput.toBatchTensor(112, true) (centred zero padding to a square, bilinear resize) and
// normalize(mean RGB) / 255, and runs its own forwardInput (softmax applied). The normalised tensor
// is the golden input; the library's probabilities are the expected output.
//
// Usage (install the pinned dependencies into a scratch folder, never into the repository):
//   mkdir -p /tmp/golden && cp models/golden/package.json /tmp/golden/ && (cd /tmp/golden && npm install --ignore-scripts)
//   (cd models && mvn -B -q install)   # fetches and sha256-checks the packages into models/package/target/npm
//   NODE_PATH=/tmp/golden/node_modules node models/golden/make-golden-faceapi.mjs
// Optional arguments: <face-api package dir (weights, demo photos)> <output json> <backend cpu|wasm>.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenVector, writeGolden } from './golden-file.mjs';

// ES modules ignore NODE_PATH: resolve the scratch install through require, which honours it
const require = createRequire(join(process.env.NODE_PATH?.split(':')[0] ?? process.cwd(), 'x.js'));
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const jpeg = require('jpeg-js');
const { tf } = faceapi;

const here = dirname(fileURLToPath(import.meta.url));
const faceapiDir = resolve(process.argv[2] ?? join(here, '../package/target/npm/face-api/package'));
const out = resolve(process.argv[3] ?? join(here, 'faceapi-expression.golden.json'));
const backend = process.argv[4] ?? 'cpu';

const VERSION = '1.7.15';
const BIN_SHA256 = '9a9840f2cf1f4c7eab95f197512569345c00d2426754d4608b92af30e0300f3d';
const MEAN_RGB = [122.782, 117.001, 104.298]; // as in FaceFeatureExtractor.forwardInput
const SIZE = 112;
const LABELS = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'];

// Face boxes [x, y, w, h] in source pixels, chosen by eye: brow to chin, cheek to cheek; not
// square, so the square padding is exercised.
const FACES = [
  { image: 'sample1.jpg', box: [400, 340, 200, 250], note: 'clown make-up, slight smile' },
  { image: 'sample1.jpg', box: [820, 400, 210, 240], note: 'looking down, lips closed' },
  { image: 'sample1.jpg', box: [1450, 180, 240, 270], note: 'laughing, head tilted' },
  { image: 'sample2.jpg', box: [1430, 160, 230, 240], note: 'looking down' },
  { image: 'sample3.jpg', box: [585, 320, 200, 280], note: 'pout' },
  { image: 'sample3.jpg', box: [1060, 200, 240, 300], note: 'smiling' },
  { image: 'sample3.jpg', box: [1495, 270, 200, 300], note: 'broad smile' },
];

if (faceapi.version !== VERSION) throw new Error(`face-api ${faceapi.version} installed, need ${VERSION}`);

function loadWeightMap() {
  const manifest = JSON.parse(
    readFileSync(join(faceapiDir, 'model/face_expression_model-weights_manifest.json'), 'utf8'));
  const bin = readFileSync(join(faceapiDir, 'model/face_expression_model.bin'));
  const sha = createHash('sha256').update(bin).digest('hex');
  if (sha !== BIN_SHA256) throw new Error(`${faceapiDir}/model/face_expression_model.bin: sha256 ${sha}`);
  return tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    manifest[0].weights);
}

function crop(file, [x, y, w, h]) {
  const img = jpeg.decode(readFileSync(file), { useTArray: true, formatAsRGBA: false });
  if (x < 0 || y < 0 || x + w > img.width || y + h > img.height) throw new Error(`${file}: box outside`);
  return tf.tidy(() => tf.slice(tf.tensor3d(img.data, [img.height, img.width, 3], 'int32'),
    [y, x, 0], [h, w, 3]).toFloat());
}

await tf.setBackend(backend);
await tf.ready();
const net = faceapi.nets.faceExpressionNet;
net.loadFromWeightMap(loadWeightMap());

const vectors = [];
for (const face of FACES) {
  const image = crop(join(faceapiDir, 'demo', face.image), face.box);
  const netInput = new faceapi.NetInput([image]);
  const input = tf.tidy(() => faceapi.normalize(
    tf.cast(netInput.toBatchTensor(SIZE, true), 'float32'), MEAN_RGB).div(255));
  const output = net.forwardInput(netInput);
  const expected = Array.from(await output.data());
  vectors.push(await goldenVector(face, input, expected));
  tf.dispose([image, input, output]);
}

writeGolden(
  out,
  {
    model: 'faceapi-expression',
    source: `@vladmandic/face-api@${VERSION} model/face_expression_model.bin`,
    producer: `@vladmandic/face-api ${faceapi.version} (dist/face-api.node-wasm.js), @tensorflow/tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}, jpeg-js decoder`,
    labels: LABELS,
  },
  vectors,
);
