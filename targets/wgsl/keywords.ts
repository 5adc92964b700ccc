// Words a user name must not take in WGSL: keywords, reserved words, and the builtins and types
// the generated code itself calls (a local named `min` would hide `min()`). See ../names.ts.
import type { NamePolicy } from '../names.js';

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter((w) => w !== ''));

export const WGSL_RESERVED = words(`
  alias break case const const_assert continue continuing default diagnostic discard else enable
  false fn for if let loop override requires return struct switch true var while
  NULL Self abstract active alignas alignof as asm asm_fragment async attribute auto await become
  binding_array cast catch class co_await co_return co_yield coherent column_major common compile
  compile_fragment concept const_cast consteval constexpr constinit crate debugger decltype delete
  demote demote_to_helper do dynamic_cast enum explicit export extends extern external fallthrough
  filter final finally friend from fxgroup get goto groupshared highp impl implements import inline
  instanceof interface layout lowp macro macro_rules match mediump meta mod module move mut mutable
  namespace new nil noexcept noinline nointerpolation noperspective null nullptr of operator package
  packoffset partition pass patch pixelfragment precise precision premerge priv protected pub public
  readonly ref regardless register reinterpret_cast require resource restrict self set shared sizeof
  smooth snorm static static_assert static_cast std subroutine super target template this
  thread_local throw trait try type typedef typeid typename typeof union unless unorm unsafe unsized
  use using varying virtual volatile wgsl where with writeonly yield
  bool f16 f32 i32 u32 vec2 vec3 vec4 mat2x2 mat2x3 mat2x4 mat3x2 mat3x3 mat3x4 mat4x2 mat4x3 mat4x4
  array atomic ptr sampler sampler_comparison
  vec2f vec3f vec4f vec2i vec3i vec4i vec2u vec3u vec4u vec2h vec3h vec4h
  abs acos acosh all any arrayLength asin asinh atan atan2 atanh atomicAdd atomicAnd
  atomicCompareExchangeWeak atomicExchange atomicLoad atomicMax atomicMin atomicOr atomicStore
  atomicSub atomicXor bitcast ceil clamp cos cosh countLeadingZeros countOneBits countTrailingZeros
  cross degrees determinant distance dot exp exp2 extractBits faceForward firstLeadingBit
  firstTrailingBit floor fma fract frexp insertBits inverseSqrt ldexp length log log2 max min mix
  modf normalize pow quantizeToF16 radians reflect refract reverseBits round saturate select sign
  sin sinh smoothstep sqrt step storageBarrier tan tanh transpose trunc workgroupBarrier
  workgroupUniformLoad textureBarrier main _
  dot4I8Packed dot4U8Packed dpdx dpdxCoarse dpdxFine dpdy dpdyCoarse dpdyFine fwidth fwidthCoarse
  fwidthFine pack2x16float pack2x16snorm pack2x16unorm pack4x8snorm pack4x8unorm pack4xI8
  pack4xI8Clamp pack4xU8 pack4xU8Clamp unpack2x16float unpack2x16snorm unpack2x16unorm
  unpack4x8snorm unpack4x8unorm unpack4xI8 unpack4xU8 quadBroadcast quadSwapDiagonal quadSwapX
  quadSwapY subgroupAdd subgroupAll subgroupAnd subgroupAny subgroupBallot subgroupBroadcast
  subgroupBroadcastFirst subgroupElect subgroupExclusiveAdd subgroupExclusiveMul
  subgroupInclusiveAdd subgroupInclusiveMul subgroupMax subgroupMin subgroupMul subgroupOr
  subgroupShuffle subgroupShuffleDown subgroupShuffleUp subgroupShuffleXor subgroupXor
  textureDimensions textureGather textureGatherCompare textureLoad textureNumLayers
  textureNumLevels textureNumSamples textureSample textureSampleBaseClampToEdge textureSampleBias
  textureSampleCompare textureSampleCompareLevel textureSampleGrad textureSampleLevel textureStore
  non_coherent noncoherent syntax sampler texture_external
  read write read_write function private workgroup uniform storage handle
  subgroup_matrix_left subgroup_matrix_right subgroup_matrix_result subgroupMatrixLoad
  subgroupMatrixStore subgroupMatrixMultiply subgroupMatrixMultiplyAccumulate subgroupMatrixScalarAdd
  subgroupMatrixScalarSubtract subgroupMatrixScalarMultiply row_major col_major
`);

/**
 * Predeclared types with a shape in their name, and texel formats (shadowable enumerants). Like
 * CUDA's, each pattern rejects names that end in '_', so that appending '_' escapes it.
 */
const WGSL_PATTERNS: readonly RegExp[] = [
  /^(vec[2-4]|mat[2-4]x[2-4])[fhiu]?$/,
  /^texture_\w*[a-z0-9]$/,
  /^(bgra8unorm|rgb10a2(uint|unorm)|rg11b10ufloat|(r|rg|rgba)(8|16|32)(unorm|snorm|uint|sint|float))$/,
];

/**
 * WGSL: keywords, reserved words and predeclared names (builtins, types, and the enumerants the
 * module itself spells, such as `storage` and `read_write`, which a user declaration would shadow).
 */
export const WGSL_NAMES: NamePolicy = {
  reserved: (n) => WGSL_RESERVED.has(n) || WGSL_PATTERNS.some((p) => p.test(n)),
  asciiOnly: true,
  noLeadingUnderscore: true,
  arraysBesideEntry: true,
};
