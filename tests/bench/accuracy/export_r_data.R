# export_r_data.R -- writes the public series of R's own packages that the
# accuracy comparison uses to sql/data/r/NAME.csv ("period,value", canonical
# YYYY-Qn / YYYY-MM labels).  Run once; the CSVs are kept in the repository
# so the comparison does not need R to have these packages.
#   Rscript tests/bench/accuracy/export_r_data.R sql/data/r
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else "sql/data/r"
series <- list(
  AirPassengers = datasets::AirPassengers, UKgas = datasets::UKgas,
  USAccDeaths = datasets::USAccDeaths, wineind = forecast::wineind,
  woolyrnq = forecast::woolyrnq, gas = forecast::gas)
for (name in names(series)) {
  y <- series[[name]]
  f <- frequency(y)
  t <- round(time(y) * f)            # periods since year 0
  year <- t %/% f
  pos <- t %% f + 1
  period <- if (f == 4) sprintf("%04d-Q%d", year, pos) else sprintf("%04d-%02d", year, pos)
  write.csv(data.frame(period = period, value = as.numeric(y)),
            file.path(dir, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  cat(sprintf("%s: %s to %s, %d values\n", name, period[1], period[length(period)], length(y)))
}
