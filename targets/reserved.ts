// Words a user name must not take in each target language: keywords, reserved words, and the
// builtins and types our generated code itself calls (a local named `min` would hide `min()`).

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
`);

export const CUDA_RESERVED = words(`
  alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t
  char32_t class compl concept const consteval constexpr constinit const_cast continue co_await
  co_return co_yield decltype default delete do double dynamic_cast else enum explicit export
  extern false float for friend goto if inline int long mutable namespace new noexcept not not_eq
  nullptr operator or or_eq private protected public register reinterpret_cast requires restrict
  return short signed sizeof static static_assert static_cast struct switch template this
  thread_local throw true try typedef typeid typename union unsigned using virtual void volatile
  wchar_t while xor xor_eq _Bool
  threadIdx blockIdx blockDim gridDim warpSize dim3 uint3 int2 int3 int4 uint2 uint4 float2 float3
  float4 size_t NULL INFINITY NAN std main printf malloc free memcpy memset assert
  atomicAdd atomicSub atomicMin atomicMax atomicExch atomicCAS atomicAnd atomicOr atomicXor
  atomicInc atomicDec
  abs fabs fabsf min max fmin fminf fmax fmaxf exp expf log logf sqrt sqrtf pow powf floor floorf
  ceil ceilf round roundf sin sinf cos cosf tan tanf tanh tanhf atan2 atan2f sign fmod fmodf
  trunc truncf __int_as_float __float_as_int __syncthreads
`);

export const JS_RESERVED = words(`
  break case catch class const continue debugger default delete do else enum export extends false
  finally for function if implements import in instanceof interface let new null package private
  protected public return static super switch this throw true try typeof var void while with
  yield await async of arguments eval undefined NaN Infinity Math Object Array Number Boolean
  Float32Array Int32Array Uint32Array Symbol globalThis Error
`);
