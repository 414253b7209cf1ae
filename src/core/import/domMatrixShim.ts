// PDF.js builds a DOMMatrix when it loads (for drawing pages, which the import never does). Browsers and
// the @napi-rs/canvas package provide one; Node and the editor's extension host do not, and the import
// must not need a native package. This 2-D affine matrix is enough for PDF.js to load and read text.

type Init = ArrayLike<number> | undefined;

class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: Init) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6) as [number, number, number, number, number, number];
  }

  get is2D(): boolean {
    return true;
  }

  multiplySelf(o: AffineMatrix): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * o.a + c * o.b;
    this.b = b * o.a + d * o.b;
    this.c = a * o.c + c * o.d;
    this.d = b * o.c + d * o.d;
    this.e = a * o.e + c * o.f + e;
    this.f = b * o.e + d * o.f + f;
    return this;
  }

  preMultiplySelf(o: AffineMatrix): this {
    const copy = new AffineMatrix([o.a, o.b, o.c, o.d, o.e, o.f]).multiplySelf(this);
    return this.setFrom(copy);
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (!det) return this.setFrom(new AffineMatrix([NaN, NaN, NaN, NaN, NaN, NaN]));
    const { a, b, c, d, e, f } = this;
    return this.setFrom(new AffineMatrix([d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]));
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf(new AffineMatrix([1, 0, 0, 1, tx, ty]));
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf(new AffineMatrix([sx, 0, 0, sy, 0, 0]));
  }

  multiply(o: AffineMatrix): AffineMatrix {
    return this.copy().multiplySelf(o);
  }

  inverse(): AffineMatrix {
    return this.copy().invertSelf();
  }

  translate(tx?: number, ty?: number): AffineMatrix {
    return this.copy().translateSelf(tx, ty);
  }

  scale(sx?: number, sy?: number): AffineMatrix {
    return this.copy().scaleSelf(sx, sy);
  }

  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }

  private copy(): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]);
  }

  private setFrom(o: AffineMatrix): this {
    [this.a, this.b, this.c, this.d, this.e, this.f] = [o.a, o.b, o.c, o.d, o.e, o.f];
    return this;
  }
}

/** Installs the matrix as globalThis.DOMMatrix when the host has none. */
export function ensureDomMatrix(): void {
  const host = globalThis as { DOMMatrix?: unknown };
  host.DOMMatrix ??= AffineMatrix;
}
