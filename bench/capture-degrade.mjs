// Degraded "scans" for the capture test set, in pure JavaScript (no ImageMagick needed): a grey page
// rasterised by pdftoppm (PGM) is turned a little (skew), blurred, faded, given paper tone, noise and
// specks, and saved as a low-quality JPEG (jpeg-js, pinned) — what a hurried office scanner or a phone
// photo gives. Every parameter comes from the case's PRNG and is recorded in the labels.
import jpeg from 'jpeg-js';

/** Reads a binary PGM (P5, maxval 255), as `pdftoppm -gray` writes it. */
export function readPgm(buf) {
  let pos = 0;
  const token = () => {
    while (pos < buf.length) {
      const c = buf[pos];
      if (c === 0x23) {
        while (pos < buf.length && buf[pos] !== 0x0a) {
          pos++;
        }
      } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        pos++;
      } else {
        break;
      }
    }
    const start = pos;
    while (pos < buf.length && ![0x20, 0x0a, 0x0d, 0x09].includes(buf[pos])) {
      pos++;
    }
    return buf.toString('latin1', start, pos);
  };
  if (token() !== 'P5') {
    throw new Error('not a binary PGM');
  }
  const width = Number(token());
  const height = Number(token());
  const maxval = Number(token());
  if (maxval !== 255) {
    throw new Error(`PGM maxval ${maxval} not supported`);
  }
  pos += 1;
  return { width, height, data: new Uint8ClampedArray(buf.subarray(pos, pos + width * height)) };
}

/** Rotation about the centre by `degrees`, bilinear, white outside the page. */
function rotate(img, degrees) {
  if (Math.abs(degrees) < 0.01) {
    return img;
  }
  const { width: w, height: h, data } = img;
  const out = new Uint8ClampedArray(w * h);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[y * w + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i] * (1 - fx) + data[i + 1] * fx;
      const bottom = data[i + w] * (1 - fx) + data[i + w + 1] * fx;
      out[y * w + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width: w, height: h, data: out };
}

/** Separable Gaussian blur of standard deviation `sigma` pixels. */
function blur(img, sigma) {
  if (sigma < 0.2) {
    return img;
  }
  const r = Math.ceil(sigma * 2.5);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((s, x) => s + x, 0);
  const kernel = k.map((x) => x / sum);
  const { width: w, height: h } = img;
  const pass = (src, horizontal) => {
    const out = new Uint8ClampedArray(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let acc = 0;
        for (let j = -r; j <= r; j++) {
          const xx = horizontal ? Math.min(w - 1, Math.max(0, x + j)) : x;
          const yy = horizontal ? y : Math.min(h - 1, Math.max(0, y + j));
          acc += src[yy * w + xx] * kernel[j + r];
        }
        out[y * w + x] = acc;
      }
    }
    return out;
  };
  return { width: w, height: h, data: pass(pass(img.data, true), false) };
}

/**
 * Ink faded to `ink` (0–1 of full black), paper tone `paper` (grey level of white), Gaussian noise of
 * `noise` grey levels, and `specks` dark dots per million pixels.
 */
function tone(img, rand, { ink, paper, noise, specks }) {
  const { width: w, height: h, data } = img;
  const out = new Uint8ClampedArray(w * h);
  const gauss = () => Math.sqrt(-2 * Math.log(rand.next() || 1e-9)) * Math.cos(2 * Math.PI * rand.next());
  for (let i = 0; i < out.length; i++) {
    const darkness = (255 - data[i]) / 255;
    out[i] = paper - darkness * ink * paper + gauss() * noise;
  }
  const dots = Math.round((specks * w * h) / 1e6);
  for (let d = 0; d < dots; d++) {
    const x = rand.int(1, w - 3);
    const y = rand.int(1, h - 3);
    const size = rand.int(1, 2);
    for (let dy = 0; dy < size; dy++) {
      for (let dx = 0; dx < size; dx++) {
        out[(y + dy) * w + x + dx] = rand.int(20, 90);
      }
    }
  }
  return { width: w, height: h, data: out };
}

/** The degradation of one case: three levels, each drawing its parameters from ranges. */
export function degradationFor(rand, level) {
  const at = (light, medium, heavy) => ({ light, medium, heavy })[level];
  const range = ([lo, hi]) => Math.round((lo + rand.next() * (hi - lo)) * 100) / 100;
  return {
    level,
    dpi: rand.pick(at([200], [150, 200], [150])),
    rotation: range(at([-0.4, 0.4], [-1, 1], [-1.8, 1.8])),
    blur: range(at([0, 0.4], [0.4, 0.8], [0.7, 1.1])),
    ink: range(at([0.9, 1], [0.75, 0.9], [0.6, 0.8])),
    paper: Math.round(range(at([245, 255], [230, 245], [215, 235]))),
    noise: range(at([2, 5], [6, 10], [10, 16])),
    specks: Math.round(range(at([0, 20], [30, 80], [80, 200]))),
    quality: Math.round(range(at([60, 75], [40, 55], [25, 40]))),
  };
}

/** PGM bytes → degraded JPEG bytes. */
export function degrade(pgm, rand, d) {
  let img = readPgm(pgm);
  img = rotate(img, d.rotation);
  img = blur(img, d.blur);
  img = tone(img, rand, d);
  const rgba = Buffer.alloc(img.width * img.height * 4);
  for (let i = 0, j = 0; i < img.data.length; i++, j += 4) {
    rgba[j] = rgba[j + 1] = rgba[j + 2] = img.data[i];
    rgba[j + 3] = 255;
  }
  return jpeg.encode({ data: rgba, width: img.width, height: img.height }, d.quality).data;
}
