# r_forecasts.R -- R's forecast package on annual_projection's own cases.
#
#   Rscript r_forecasts.R SERIES.csv CASES.csv OUT.csv [NSIM] [CORES]
#
# Contract:
#  1. SERIES.csv and CASES.csv come from tests/bench/accuracy/cases.c: the
#     data annual_projection saw and the (dataset, series, year, cut) cases
#     it projected.  Every case is done here too, nothing else.
#  2. For a case, the model is fitted on the series up to the cut-off (all
#     earlier years and the first `cut` periods of the year), the rest of
#     the year (h = periods_per_year - cut) is forecast, and the year total
#     is ytd + the sum of the forecast means.
#  3. The 80 % interval is the 10 % and 90 % quantiles of ytd + the sum of
#     NSIM (200) simulated future paths of the fitted model: a path's sum,
#     not a sum of per-period quantiles, so the correlation of the periods
#     is kept.
#  4. Methods: ets() and auto.arima() with their defaults, simulated with
#     simulate(fit, future = TRUE); stlf() (default: STL, ETS on the
#     seasonally adjusted series, seasonal naive on the seasonal part), whose
#     paths are its mean plus the simulated deviations of that ETS model;
#     thetaf() (SES with drift on the multiplicatively adjusted series when
#     its seasonality test says so), whose paths are (simulated SES path +
#     drift) x the seasonal factors -- rebuilt here, and checked against
#     thetaf()'s own mean.  A fit that fails gives NA, said so on stderr.
#  5. Seeded (L'Ecuyer-CMRG, set.seed(20230701)), CORES processes
#     (parallel::mclapply).
suppressPackageStartupMessages({
  library(forecast)
  library(parallel)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 3) stop("usage: r_forecasts.R SERIES.csv CASES.csv OUT.csv [NSIM] [CORES]")
nsim <- if (length(args) >= 4) as.integer(args[4]) else 200L
cores <- if (length(args) >= 5) as.integer(args[5]) else 1L

series <- read.csv(args[1], stringsAsFactors = FALSE)
cases <- read.csv(args[2], stringsAsFactors = FALSE)
cases <- unique(cases[, c("dataset", "series", "year", "cut")])
key <- paste(series$dataset, series$series, sep = "\r")
by_series <- split(series, key)

quantiles <- function(ytd, paths) {
  s <- ytd + colSums(paths)
  unname(quantile(s, c(0.1, 0.9), na.rm = TRUE))
}

sim_paths <- function(fit, h) {
  matrix(replicate(nsim, as.numeric(simulate(fit, nsim = h, future = TRUE))), nrow = h)
}

theta_paths <- function(y, h) {
  # thetaf()'s own steps (forecast 8.x), so its paths can be simulated.
  n <- length(y); m <- frequency(y); x <- y
  seasonal <- FALSE
  if (m > 1 && !is.constant(x) && n > 2 * m) {
    r <- as.numeric(acf(x, lag.max = m, plot = FALSE)$acf)[-1]
    stat <- sqrt((1 + 2 * sum(r[-m]^2)) / n)
    seasonal <- (abs(r[m]) / stat > qnorm(0.95))
  }
  seas <- rep(1, h)
  if (seasonal) {
    decomp <- decompose(x, type = "multiplicative")
    x <- seasadj(decomp)
    seas <- rep(tail(decomp$seasonal, m), trunc(1 + h / m))[1:h]
  }
  fc <- ses(x, h = h)
  alpha <- pmax(1e-10, fc$model$par["alpha"])
  drift <- as.numeric(lsfit(0:(n - 1), x)$coefficients[2] / 2 * (0:(h - 1) + (1 - (1 - alpha)^n) / alpha))
  mean <- (as.numeric(fc$mean) + drift) * seas
  check <- as.numeric(thetaf(y, h = h)$mean)
  if (!isTRUE(all.equal(mean, check, tolerance = 1e-8)))
    stop("thetaf rebuilt differs from thetaf()")
  paths <- (sim_paths(fc$model, h) + drift) * seas
  list(mean = mean, paths = paths)
}

stlf_paths <- function(y, h) {
  fc <- stlf(y, h = h)
  model <- fc$model
  if (!inherits(model, "ets")) stop("stlf()$model is not an ets model")
  dev <- sim_paths(model, h) - as.numeric(forecast(model, h = h)$mean)
  list(mean = as.numeric(fc$mean), paths = as.numeric(fc$mean) + dev)
}

one_case <- function(i) {
  cs <- cases[i, ]
  s <- by_series[[paste(cs$dataset, cs$series, sep = "\r")]]
  P <- s$periods_per_year[1]
  s <- s[order(s$year, s$position), ]
  known <- s$year < cs$year | (s$year == cs$year & s$position <= cs$cut)
  y <- ts(s$value[known], start = c(s$year[1], s$position[1]), frequency = P)
  h <- P - cs$cut
  ytd <- sum(s$value[s$year == cs$year & s$position <= cs$cut])
  out <- NULL
  for (method in c("ets", "auto.arima", "stlf", "thetaf")) {
    r <- tryCatch({
      if (method == "ets" || method == "auto.arima") {
        fit <- if (method == "ets") ets(y) else auto.arima(y)
        list(mean = as.numeric(forecast(fit, h = h)$mean), paths = sim_paths(fit, h))
      } else if (method == "stlf") stlf_paths(y, h) else theta_paths(y, h)
    }, error = function(e) {
      message(sprintf("%s %s %d cut %d %s: %s", cs$dataset, cs$series, cs$year, cs$cut,
                      method, conditionMessage(e)))
      NULL
    })
    q <- if (is.null(r)) c(NA, NA) else quantiles(ytd, r$paths)
    proj <- if (is.null(r)) NA else ytd + sum(r$mean)
    out <- rbind(out, data.frame(dataset = cs$dataset, series = cs$series, year = cs$year,
                                 cut = cs$cut, method = method, projection = proj,
                                 low = q[1], high = q[2]))
  }
  out
}

RNGkind("L'Ecuyer-CMRG")
set.seed(20230701)
t0 <- Sys.time()
# A seeded shuffle, so each process gets a like mix of slow monthly cases.
order <- sample(nrow(cases))
rows <- mclapply(order, function(i) {
  r <- one_case(i)
  if (i %% 100 == 0) message(sprintf("case %d of %d done", i, nrow(cases)))
  r
}, mc.cores = cores, mc.set.seed = TRUE)
rows <- rows[order(order)]
bad <- vapply(rows, function(r) !is.data.frame(r), logical(1))
if (any(bad)) stop(sprintf("%d cases failed outright: %s", sum(bad), format(rows[[which(bad)[1]]])))
result <- do.call(rbind, rows)
write.csv(result, args[3], row.names = FALSE, na = "")
message(sprintf("R %s, forecast %s: %d cases x 4 methods, %d paths each, %.0f s on %d core(s)",
                getRversion(), packageVersion("forecast"), nrow(cases), nsim,
                as.numeric(difftime(Sys.time(), t0, units = "secs")), cores))
