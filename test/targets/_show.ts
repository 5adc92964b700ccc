import { emitKernel } from '../../targets/index.js';
import { FIXTURES } from './fixtures.js';
const [name, target] = process.argv.slice(2);
const fx = FIXTURES.find((f) => f.ir.name === name)!;
const out = emitKernel(fx.ir, target as 'js');
console.log(out.code);
console.log(JSON.stringify(out.meta));
