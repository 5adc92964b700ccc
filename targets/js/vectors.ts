// The cpu backend's vector accesses: each vload and vstore becomes its w element accesses, the
// index evaluated once (the cpu backend is the reference semantics, and JS has no wide access).
import type { KernelIR, Stmt } from '../../core/ir/types.js';
import { valueOf } from '../../core/elements.js';
import { arrayElems } from '../analysis.js';
import { declaredNames, mapBodies, mapStmts, isLeaf } from '../../core/ir/walk.js';
import type { Rule } from '../target.js';
import { vectorElement } from '../vectors.js';


export function scalarizeVectors(ir: KernelIR): KernelIR {
  const taken = declaredNames(ir);
  const elems = arrayElems(ir);
  let count = 0;
  const fresh = (): string => {
    let n: string;
    do n = `vec_i${++count}`;
    while (taken.has(n));
    taken.add(n);
    return n;
  };
  return mapBodies(ir, (body) =>
    mapStmts(body, (s): Stmt | Stmt[] => {
      if (s.k !== 'vload' && s.k !== 'vstore') return s;
      const out: Stmt[] = [];
      let index = s.index;
      if (!isLeaf(index)) {
        const name = fresh();
        out.push({ k: 'let', name, type: index.type, init: index, mutable: false, span: s.span });
        index = { k: 'load', name, type: index.type, span: index.span };
      }
      if (s.k === 'vload') {
        const w = s.names.length;
        const type = valueOf(elems.get(s.array) ?? 'f32');
        s.names.forEach((name, j) => {
          out.push({ k: 'let', name, type, init: { k: 'index', array: s.array, index: vectorElement(index, w, j), type, span: s.span }, mutable: false, span: s.span });
        });
      } else {
        const w = s.values.length;
        s.values.forEach((value, j) => out.push({ k: 'store', array: s.array, index: vectorElement(index, w, j), value, span: s.span }));
      }
      return out;
    }),
  );
}

export const scalarizeVectorsRule: Rule = { name: 'scalarize-vectors', apply: scalarizeVectors };
