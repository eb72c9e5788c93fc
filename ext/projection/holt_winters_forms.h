/*
** projection/holt_winters_forms.h -- private to ext/projection/: how the
** Holt-Winters filters are compiled, shared by the files that hold them
** (holt_winters_filter.c the one-point passes and the derivatives,
** holt_winters_lanes.c the four-point pass): once per model form, so
** constant flags fold the branches on the form, and on x86 once more for
** AVX2, the copy chosen per pass by what the processor has.
*/
#ifndef TRADESTAT_HOLT_WINTERS_FORMS_H
#define TRADESTAT_HOLT_WINTERS_FORMS_H

#include "projection/holt_winters_fit.h"

/* Forced inlining where the compiler has it: the filters are written
** once and compiled per model form (constant flags fold their branches). */
#if defined(__GNUC__)
#define HW_INLINE inline __attribute__((always_inline))
#else
#define HW_INLINE inline
#endif

/* The filters are compiled twice on x86 with GCC or Clang: for the
** baseline instruction set and for AVX2, chosen per pass by what the
** processor has.  The same IEEE operations in the same order (AVX2 does
** not bring FMA: no contraction), so the same numbers bit for bit; the
** three-operand forms and the wider vectors take fewer instructions.
** TS_HW_NO_AVX2 builds the baseline alone; TS_HW_SCALAR the portable C
** alone (no vector types), as a compiler without them would. */
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && !defined(TS_HW_NO_AVX2) && \
    !defined(TS_HW_SCALAR)
#define HW_AVX2        1
#define HW_N_ISA       2
#define HW_TARGET_AVX2 __attribute__((target("avx2")))
static inline int hw_isa(void) {
  __builtin_cpu_init(); /* idempotent; needed before the check in constructors */
  return __builtin_cpu_supports("avx2") ? 1 : 0;
}
#else
#define HW_AVX2  0
#define HW_N_ISA 1
static inline int hw_isa(void) { return 0; }
#endif
#define HW_DEFAULT_ISA

/* Each model form as X(name, multiplicative, trend, target) with name
** suffixed, in candidate-id order (trend * 2 + multiplicative). */
#define HW_FORMS(X, target, suffix)                \
  X(add##suffix, 0, TREND_NONE, target)            \
  X(mult##suffix, 1, TREND_NONE, target)           \
  X(add_trend##suffix, 0, TREND_ADDITIVE, target)  \
  X(mult_trend##suffix, 1, TREND_ADDITIVE, target) \
  X(add_damped##suffix, 0, TREND_DAMPED, target)   \
  X(mult_damped##suffix, 1, TREND_DAMPED, target)
#define HW_FORM_LIST(prefix, suffix)                                    \
  prefix##add##suffix, prefix##mult##suffix, prefix##add_trend##suffix, \
      prefix##mult_trend##suffix, prefix##add_damped##suffix, prefix##mult_damped##suffix

/* The SSE at p with copy isa of the one-point pass (holt_winters_filter.c):
** the four-point pass's portable form is four of them. */
HW_PRIVATE double ts_hw_sse(const hw_data *d, const hw_params *p, int isa);

#endif /* TRADESTAT_HOLT_WINTERS_FORMS_H */
