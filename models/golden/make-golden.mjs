// Golden outputs of the ORIGINAL TFJS mini-Xception (@vladmandic/human models/emotion.json) on real
// face crops from @vladmandic/face-api's demo photos. The converted ONNX model must reproduce them.
//
// Usage (install the pinned dependencies into a scratch folder, never into the repository):
//   mkdir -p /tmp/golden && cp models/golden/package.json /tmp/golden/ && (cd /tmp/golden && npm install --ignore-scripts)
//   (cd models && mvn -B -q install)   # fetches and sha256-checks the packages into models/package/target/npm
//   NODE_PATH=/tmp/golden/node_modules node models/golden/make-golden.mjs
// Optional arguments: <human package dir> <face-api package dir> <output json>.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenVector, writeGolden } from './golden-file.mjs';

// ES modules ignore NODE_PATH: resolve the scratch install through require, which honours it
const require = createRequire(join(process.env.NODE_PATH?.split(':')[0] ?? process.cwd(), 'x.js'));
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const jpeg = require('jpeg-js');

const here = dirname(fileURLToPath(import.meta.url));
const npm = resolve(here, '../package/target/npm');
const humanDir = resolve(process.argv[2] ?? join(npm, 'human/package'));
const faceapiDir = resolve(process.argv[3] ?? join(npm, 'face-api/package'));
const out = resolve(process.argv[4] ?? join(here, 'minixception-fer2013.golden.json'));

// Face boxes [x, y, w, h] in source pixels, chosen by eye: forehead to chin, ear to ear.
const FACES = [
  { image: 'sample1.jpg', box: [400, 330, 220, 250], note: 'clown make-up, smiling slightly' },
  { image: 'sample1.jpg', box: [830, 420, 220, 260], note: 'looking down, lips closed' },
  { image: 'sample1.jpg', box: [1460, 200, 220, 260], note: 'laughing, head tilted' },
  { image: 'sample3.jpg', box: [570, 340, 220, 270], note: 'pout' },
  { image: 'sample3.jpg', box: [1050, 240, 220, 270], note: 'smiling' },
  { image: 'sample3.jpg', box: [1480, 300, 210, 270], note: 'broad smile' },
  { image: 'sample5.jpg', box: [770, 120, 180, 230], note: 'neutral, frontal' },
  { image: 'sample5.jpg', box: [360, 840, 230, 300], note: 'mouth open' },
  { image: 'sample5.jpg', box: [1410, 390, 200, 280], note: 'half smile, turned' },
];
const SIZE = 64;
const GREY = [0.2989, 0.587, 0.114];

function decode(file) {
  const img = jpeg.decode(readFileSync(file), { useTArray: true, formatAsRGBA: false });
  return tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
}

// The model's input contract (models/descriptions/minixception-fer2013.json): crop, bilinear resize
// to 64x64 (half-pixel centres, as OpenCV's INTER_LINEAR), grey = 0.2989 R + 0.5870 G + 0.1140 B on
// 0..1 values, then (grey - 0.5) * 2; NHWC [1, 64, 64, 1].
function preprocess(image, [x, y, w, h]) {
  return tf.tidy(() => {
    const crop = tf.slice(image, [y, x, 0], [h, w, 3]).toFloat().div(255);
    const resized = tf.image.resizeBilinear(crop.expandDims(0), [SIZE, SIZE], false, true);
    const grey = resized.mul(tf.tensor1d(GREY)).sum(3, true);
    return grey.sub(0.5).mul(2);
  });
}

await tf.setBackend('wasm');
await tf.ready();
const json = JSON.parse(readFileSync(join(humanDir, 'models/emotion.json'), 'utf8'));
const bin = readFileSync(join(humanDir, 'models/emotion.bin'));
const model = await tf.loadGraphModel(
  tf.io.fromMemory({
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  }),
);

const images = new Map();
const vectors = [];
for (const face of FACES) {
  if (!images.has(face.image)) images.set(face.image, decode(join(faceapiDir, 'demo', face.image)));
  const input = preprocess(images.get(face.image), face.box);
  const output = model.execute(input);
  const expected = Array.from(await output.data());
  vectors.push(await goldenVector(face, input, expected));
  tf.dispose([input, output]);
}

writeGolden(
  out,
  {
    model: 'minixception-fer2013',
    source: '@vladmandic/human@3.3.6 models/emotion.json',
    producer: `@tensorflow/tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}, jpeg-js decoder`,
    labels: ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'],
  },
  vectors,
);
