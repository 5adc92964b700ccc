// WebGPU flag values (fixed by the spec), so the device code needs neither the GPUBufferUsage
// globals at run time nor their declarations at type-check time.
export const BufferUsage = {
  MAP_READ: 0x0001,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  UNIFORM: 0x0040,
  STORAGE: 0x0080,
  QUERY_RESOLVE: 0x0200,
} as const;

/** GPUMapMode.READ */
export const MAP_READ = 0x0001;
/** GPUShaderStage.COMPUTE */
export const STAGE_COMPUTE = 0x4;
