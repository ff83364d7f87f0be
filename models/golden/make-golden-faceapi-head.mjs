// Golden outputs of a trained head on face-api's frozen features (e.g. faceapi-ferplus), computed
// independently of the ONNX model the Java build makes from the same head file: the ORIGINAL
// face-api library (@vladmandic/face-api@1.7.15, pure JS on @tensorflow/tfjs 4.22.0) computes the
// 256-d features of each face crop with its own FaceFeatureExtractor.forwardInput (the tensor its
// FaceProcessor.runNet hands to fc), and this script applies the head to them in plain JavaScript,
// in float64: logits = features . W + b, softmax. The crops are those of faceapi-expression's golden
// file (face-api's demo photos, boxes chosen by eye), so the inputs are the same tensors.
//
// Before it writes anything the script checks its own path: face-api's own fc (read from the
// weights) applied the same way to the same features must give the library's probabilities
// (net.forwardInput) within 1e-6, or the features are not the ones fc sees.
//
// Usage (scratch install and models build as for make-golden-faceapi.mjs):
//   NODE_PATH=/tmp/golden/node_modules node models/golden/make-golden-faceapi-head.mjs \
//     models/heads/faceapi-ferplus.head.json models/golden/faceapi-ferplus.golden.json faceapi-ferplus
// Optional 4th argument: the face-api package dir (default models/package/target/npm/face-api/package).
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenVector, writeGolden } from './golden-file.mjs';

const require = createRequire(join(process.env.NODE_PATH?.split(':')[0] ?? process.cwd(), 'x.js'));
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const jpeg = require('jpeg-js');
const { tf } = faceapi;

const here = dirname(fileURLToPath(import.meta.url));
const [headFile, out, modelId] = process.argv.slice(2, 5).map((a, i) => (i < 2 ? resolve(a) : a));
if (!headFile || !out || !modelId) throw new Error('usage: make-golden-faceapi-head.mjs <head json> <out json> <model id> [face-api dir]');
const faceapiDir = resolve(process.argv[5] ?? join(here, '../package/target/npm/face-api/package'));

const VERSION = '1.7.15';
const BIN_SHA256 = '9a9840f2cf1f4c7eab95f197512569345c00d2426754d4608b92af30e0300f3d';
const MEAN_RGB = [122.782, 117.001, 104.298];
const SIZE = 112;
const FACES = JSON.parse(readFileSync(join(here, 'faceapi-expression.golden.json'), 'utf8')).vectors
  .map(({ image, box, note }) => ({ image: image.replace('testdata/faces/', ''), box, note }));

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
  return tf.tidy(() => tf.slice(tf.tensor3d(img.data, [img.height, img.width, 3], 'int32'),
    [y, x, 0], [h, w, 3]).toFloat());
}

// softmax(features . W + b) in float64; W is [256][K] (face-api's fc layout), b is [K]
function applyHead(features, weights, bias) {
  const logits = bias.map((b, c) => features.reduce((s, f, i) => s + f * weights[i][c], b));
  const max = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

await tf.setBackend('cpu');
await tf.ready();
const weightMap = loadWeightMap();
const net = faceapi.nets.faceExpressionNet;
net.loadFromWeightMap(weightMap);
const fcWeights = await weightMap['fc/weights'].array();
const fcBias = Array.from(await weightMap['fc/bias'].data());
const head = JSON.parse(readFileSync(headFile, 'utf8'));
// a head trained with --mirror averages over each crop and its mirror image: its golden vectors
// come from bundles/training's MirrorGolden (models/README.md), not from this script
if (head.mirror) throw new Error(`${headFile} has "mirror": true: use MirrorGolden (models/README.md)`);
const headSha = createHash('sha256').update(readFileSync(headFile)).digest('hex');

const vectors = [];
for (const face of FACES) {
  const image = crop(join(faceapiDir, 'demo', face.image), face.box);
  const netInput = new faceapi.NetInput([image]);
  const input = tf.tidy(() => faceapi.normalize(
    tf.cast(netInput.toBatchTensor(SIZE, true), 'float32'), MEAN_RGB).div(255));
  const featureTensor = net.faceFeatureExtractor.forwardInput(netInput);
  const features = Array.from(await featureTensor.data());
  if (features.length !== 256) throw new Error(`${features.length} features, expected 256`);
  const library = Array.from(await net.forwardInput(netInput).data());
  const check = applyHead(features, fcWeights, fcBias);
  const diff = Math.max(...check.map((p, i) => Math.abs(p - library[i])));
  if (diff > 1e-6) throw new Error(`${face.image}: face-api's fc on the features differs from the library by ${diff}`);
  vectors.push(await goldenVector(face, input, applyHead(features, head.weights, head.bias)));
  tf.dispose([image, input, featureTensor]);
}

writeGolden(
  out,
  {
    model: modelId,
    source: `@vladmandic/face-api@${VERSION} model/face_expression_model.bin (backbone) + head ${headFile.split('/').pop()} sha256 ${headSha}`,
    producer: `@vladmandic/face-api ${faceapi.version} FaceFeatureExtractor.forwardInput (@tensorflow/tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}), head applied in float64 JavaScript`,
    labels: head.labels,
  },
  vectors,
);
