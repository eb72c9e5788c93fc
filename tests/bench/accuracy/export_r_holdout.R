# export_r_holdout.R -- writes the holdout series of `make bench-holdout`
# to sql/data/r_holdout/NAME.csv ("period,value", canonical YYYY-Qn /
# YYYY-MM labels, whole years only), as export_r_data.R does for the six
# series of `make bench-accuracy`.  Run once; the CSVs are kept in the
# repository so the comparison does not need R to have these packages.
#   Rscript tests/bench/accuracy/export_r_holdout.R sql/data/r_holdout
# These series were chosen before any projection of them was looked at
# and are never used to choose a rule or constant of annual_projection.
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else "sql/data/r_holdout"
aer <- function(name) {
  e <- new.env()
  data(list = name, package = "AER", envir = e)
  get(name, envir = e)
}
series <- list(
  # monthly
  UKDriverDeaths = datasets::UKDriverDeaths,
  Seatbelts_kms = datasets::Seatbelts[, "kms"],
  co2 = datasets::co2,
  nottem = datasets::nottem,
  DutchSales = aer("DutchSales"),
  # quarterly
  JohnsonJohnson = datasets::JohnsonJohnson,
  UKNonDurables = aer("UKNonDurables"),
  USProdIndex = aer("USProdIndex")[, "unadjusted"],
  GermanUnemployment = aer("GermanUnemployment")[, "unadjusted"])
for (name in names(series)) {
  y <- series[[name]]
  f <- frequency(y)
  t <- round(time(y) * f)            # periods since year 0
  year <- t %/% f
  pos <- t %% f + 1
  # whole years only: a partial first or last year is left out
  keep <- year > year[1] | pos[1] == 1
  keep <- keep & (year < year[length(year)] | pos[length(pos)] == f)
  if (anyNA(y[keep])) stop(name, ": missing values")
  period <- if (f == 4) sprintf("%04d-Q%d", year, pos) else sprintf("%04d-%02d", year, pos)
  write.csv(data.frame(period = period[keep], value = as.numeric(y)[keep]),
            file.path(dir, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  cat(sprintf("%s: %s to %s, %d values\n", name, period[keep][1],
              period[keep][sum(keep)], sum(keep)))
}
