/*
** synthetic.h -- the seeded synthetic series of the accuracy benchmarks
** (projection_accuracy.c and accuracy/cases.c draw the same series from
** the same seeds, so their cases can be compared).
**
** A series: a level of 100-1100 growing by a yearly rate that drifts, a
** multiplicative seasonal pattern of P periods, and 2-15 % multiplicative
** noise per period.  Random numbers: splitmix64, Box-Muller.
*/
#ifndef TRADESTAT_BENCH_SYNTHETIC_H
#define TRADESTAT_BENCH_SYNTHETIC_H

#include <math.h>
#include <stdint.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static uint64_t next_u64(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
static double uniform(uint64_t *state) { return (next_u64(state) >> 11) * 0x1.0p-53; }
static double gaussian(uint64_t *state) {
  double u = uniform(state), v = uniform(state);
  return sqrt(-2 * log(u + 1e-300)) * cos(2 * M_PI * v);
}

/* The next series of the stream *rng: years * P values into value. */
static void synthetic_series(uint64_t *rng, int P, int years, double *value) {
  double season[12], total = 0;
  double amplitude = 0.05 + 0.35 * uniform(rng);
  for (int j = 0; j < P; j++) total += season[j] = exp(amplitude * gaussian(rng));
  for (int j = 0; j < P; j++) season[j] *= P / total;
  double growth = 0.10 * gaussian(rng) + 0.05; /* per year */
  double drift = 0.05 * uniform(rng);          /* growth's yearly drift */
  double noise = 0.02 + 0.13 * uniform(rng);   /* per period */
  double level = 100 + 1000 * uniform(rng);
  for (int i = 0; i < years * P; i++) {
    if (i % P == 0 && i) growth += drift * gaussian(rng);
    level *= exp(growth / P);
    value[i] = level * season[i % P] * exp(noise * gaussian(rng));
  }
}

#endif /* TRADESTAT_BENCH_SYNTHETIC_H */
