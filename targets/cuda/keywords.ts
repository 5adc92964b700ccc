// Names that CUDA C source cannot give a kernel, helper, parameter or local: C++ keywords, the
// builtins our generated code uses, and what the headers nvcc and NVRTC include declare (CUDA's
// runtime and math API, and through nvcc's host pass glibc's stdlib, stdio, string, time, ctype and
// math headers). A kernel is `extern "C"`, so it clashes with any C function of its name; a helper
// clashes with a declaration of the same parameter types; a macro breaks every use.
//
// The library lists were found by compiling, with nvcc 13 for sm_90 on glibc, one kernel, one
// helper and one parameter named after each identifier that appears in the preprocessed headers,
// and keeping the names that failed. The patterns cover the families that grow with each release.

import type { NamePolicy } from '../names.js';

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== '');

const KEYWORDS = words(`
  alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t
  char32_t class compl concept const consteval constexpr constinit const_cast continue co_await
  co_return co_yield decltype default delete do double dynamic_cast else enum explicit export
  extern false float for friend goto if inline int long mutable namespace new noexcept not not_eq
  nullptr operator or or_eq private protected public register reinterpret_cast requires restrict
  return short signed sizeof static static_assert static_cast struct switch template this
  thread_local throw true try typedef typeid typename union unsigned using virtual void volatile
  wchar_t while xor xor_eq main
`);

/** CUDA's own names, and names the generated code uses. */
const CUDA = words(`
  threadIdx blockIdx blockDim gridDim warpSize dim3 texture surface std
  clock clock64 printf malloc free memcpy memset assert min max umin umax llmin llmax ullmin ullmax
  uint ulong ushort uchar u_char u_int u_long u_short unit libraryPropertyType
  double2int double2ll double2uint double2ull float2double int2double ll2double uint2double ull2double
`);

/** Math functions: each comes with the variants in MATH_SUFFIXES (sinf, sinl, sinf32…). */
const MATH = words(`
  abs acos acosh asin asinh atan atan2 atanh atol canonicalize cbrt ceil copysign cos cosh cospi
  cyl_bessel_i0 cyl_bessel_i1 div drem erf erfc erfcinv erfcx erfinv exp exp10 exp2 expm1 fabs fadd
  fdim fdiv fdivide ffma ffs ffsl finite floor fma fmax fmaximum fmaximum_mag fmaximum_mag_num
  fmaximum_num fmaxmag fmin fminimum fminimum_mag fminimum_mag_num fminimum_num fminmag fmod fmul
  fpclassify frexp fromfp fromfpx fsqrt fsub gamma getpayload hypot ilogb iscanonical iseqsig
  isfinite isgreater isgreaterequal isinf isless islessequal islessgreater isnan isnormal
  issignaling issubnormal isunordered iszero j0 j1 jn labs ldexp ldiv lgamma llabs lldiv llogb
  llrint llround log log10 log1p log2 logb lrint lround modf nan nearbyint nextafter nextdown
  nexttoward nextup norm norm3d norm4d normcdf normcdfinv pow rcbrt remainder remquo rhypot rint
  rnorm rnorm3d rnorm4d round roundeven rsqrt saturate scalb scalbln scalbn setpayload
  setpayloadsig signbit significand sin sincos sincospi sinh sinpi sqrt strtol strtoul tan tanh
  tgamma totalorder totalordermag trunc ufromfp ufromfpx y0 y1 yn
`);
const MATH_SUFFIXES = ['', 'f', 'l', 'f32', 'f32x', 'f64', 'f64x', 'f128'].flatMap((s) => [s, `${s}_r`]);

/** C library functions, variables and lower-case macros (glibc, as nvcc's host pass sees it). */
const LIBC = words(`
  a64l abort aligned_alloc alloca arc4random arc4random_buf arc4random_uniform asctime asctime_r
  asprintf assert_perror atexit atof atoi bcmp bcopy be16toh be32toh be64toh bsearch bzero calloc
  canonicalize_file_name clearenv clearerr clearerr_unlocked clock_adjtime clock_getcpuclockid
  clock_getres clock_gettime clock_nanosleep clock_settime ctermid ctime ctime_r cuserid daddl
  daylight ddivl dfmal difftime dmull dprintf drand48 drand48_r dsqrtl dsubl dysize ecvt ecvt_r
  erand48 erand48_r errno exit explicit_bzero f32addf32x f32addf64 f32addf64x f32divf32x f32divf64
  f32divf64x f32fmaf32x f32fmaf64 f32fmaf64x f32mulf32x f32mulf64 f32mulf64x f32sqrtf32x
  f32sqrtf64 f32sqrtf64x f32subf32x f32subf64 f32subf64x f32xaddf64 f32xaddf64x f32xdivf64
  f32xdivf64x f32xfmaf64 f32xfmaf64x f32xmulf64 f32xmulf64x f32xsqrtf64 f32xsqrtf64x f32xsubf64
  f32xsubf64x f64addf64x f64divf64x f64fmaf64x f64mulf64x f64sqrtf64x f64subf64x fclose fcloseall
  fcvt fcvt_r fd_mask fd_set fdopen feof feof_unlocked ferror ferror_unlocked fflush
  fflush_unlocked fgetc fgetc_unlocked fgetpos fgetpos64 fgets fgets_unlocked fileno
  fileno_unlocked flockfile fmemopen fopen fopen64 fopencookie fprintf fputc fputc_unlocked fputs
  fputs_unlocked fread fread_unlocked freopen freopen64 fscanf fseek fseeko fseeko64 fsetpos
  fsetpos64 ftell ftello ftello64 ftrylockfile funlockfile fwrite fwrite_unlocked gcvt getc
  getc_unlocked getchar getchar_unlocked getdate getdate_err getdate_r getdelim getenv getline
  getloadavg getpt getsubopt getw gmtime gmtime_r grantpt htobe16 htobe32 htobe64 htole16 htole32
  htole64 initstate initstate_r isalnum isalnum_l isalpha isalpha_l isascii isascii_l isblank
  isblank_l iscntrl iscntrl_l isctype isdigit isdigit_l isgraph isgraph_l islower islower_l
  isprint isprint_l ispunct ispunct_l isspace isspace_l isupper isupper_l isxdigit isxdigit_l
  jrand48 jrand48_r l64a lcong48 lcong48_r le16toh le32toh le64toh linux localtime localtime_r
  lrand48 lrand48_r major makedev math_errhandling mblen mbstowcs mbtowc memccpy memchr memcmp
  memfrob memmem memmove mempcpy memrchr minor mkdtemp mkostemp mkostemp64 mkostemps mkostemps64
  mkstemp mkstemp64 mkstemps mkstemps64 mktemp mktime mrand48 mrand48_r nanosleep nrand48
  nrand48_r obstack_printf obstack_vprintf offsetof on_exit open_memstream pclose perror popen
  posix_memalign posix_openpt pselect ptsname ptsname_r putc putc_unlocked putchar
  putchar_unlocked putenv puts putw qecvt qecvt_r qfcvt qfcvt_r qgcvt qsort qsort_r quick_exit rand
  rand_r random random_r rawmemchr realloc reallocarray realpath remove rename renameat renameat2
  rewind rindex rpmatch scanf secure_getenv seed48 seed48_r select setbuf setbuffer setenv
  setlinebuf setstate setstate_r setvbuf sigabbrev_np sigdescr_np signgam snprintf sprintf srand
  srand48 srand48_r srandom srandom_r sscanf stderr stdin stdout stpcpy stpncpy strcasecmp
  strcasecmp_l strcasestr strcat strchr strchrnul strcmp strcoll strcoll_l strcpy strcspn strdup
  strdupa strerror strerror_l strerror_r strerrordesc_np strerrorname_np strfromd strfromf
  strfromf32 strfromf32x strfromf64 strfromf64x strfroml strfry strftime strftime_l strlen
  strncasecmp strncasecmp_l strncat strncmp strncpy strndup strndupa strnlen strpbrk strptime
  strptime_l strrchr strsep strsignal strspn strstr strtod strtod_l strtof strtof32 strtof32_l
  strtof32x strtof32x_l strtof64 strtof64_l strtof64x strtof64x_l strtof_l strtok strtok_r strtol_l
  strtold strtold_l strtoll_l strtoq strtoul_l strtoull_l strtouq strverscmp strxfrm strxfrm_l
  system tempnam time timegm timelocal timer_create timer_delete timer_getoverrun timer_gettime
  timer_settime timespec_get timespec_getres timezone tmpfile tmpfile64 tmpnam tmpnam_r toascii
  toascii_l tolower tolower_l toupper toupper_l tzname tzset ungetc unix unlockpt unsetenv va_arg
  va_copy va_end va_list va_start valloc vasprintf vdprintf vfprintf vfscanf vprintf vscanf
  vsnprintf vsprintf vsscanf wcstombs wctomb
`);

const NAMES: ReadonlySet<string> = new Set([
  ...KEYWORDS,
  ...CUDA,
  ...LIBC,
  ...MATH.flatMap((m) => MATH_SUFFIXES.map((s) => m + s)),
]);

// Each pattern rejects names that end in '_', so that appending '_' (names.ts) always escapes it.
const PATTERNS: readonly RegExp[] = [
  /_t$/, // stdint and POSIX types (int32_t, ptrdiff_t, cudaError_t…)
  /^[A-Z][A-Z0-9_]+[A-Z0-9]$/, // macros (EOF, INT_MAX, M_PI…)
  /^(cuda|cu|nv|NV)[A-Z0-9](\w*[A-Za-z0-9])?$/, // the CUDA driver, runtime and NVRTC APIs
  /^CU(\w*[A-Za-z0-9])?$/, // driver API types (CUresult, CUuuid…)
  /^atomic[A-Z](\w*[A-Za-z0-9])?$/, // atomicAdd, atomicAdd_block…
  /^(tex|surf)(1D|2D|3D|Cubemap)\w*[A-Za-z0-9]$/, // texture and surface functions
  /^syncthreads_\w*[A-Za-z0-9]$/,
  /^u?(char|short|int|long|longlong)[1-4](_16a|_32a)?$/, // vector types
  /^(float|double)[1-4](_16a|_32a)?$/,
  /^make_[a-z]+[1-4](_16a|_32a)?$/,
];

/** Whether CUDA C (nvcc or NVRTC) would reject or misread `name` as a user name. */
export function cudaReserved(name: string): boolean {
  return NAMES.has(name) || PATTERNS.some((p) => p.test(name));
}

export const CUDA_NAMES: NamePolicy = { reserved: cudaReserved, asciiOnly: true, noLeadingUnderscore: true, arraysBesideEntry: false };
