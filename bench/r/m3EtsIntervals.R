# R forecast::ets 95 % prediction intervals on the M3 large development set, for bench/forecast.ts's
# coverage and MSIS columns. Usage: Rscript bench/r/m3EtsIntervals.R <m3-dev-large.json> <out.json> [stride]
# (stride k: every k-th series only, in file order). The committed file covers all 2,353 series
# (stride 1): 4,070 s on this machine while it was shared with other jobs.
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
data <- fromJSON(args[1], simplifyVector = TRUE)
set.seed(1)
out <- list()
started <- Sys.time()
stride <- if (length(args) >= 3) as.integer(args[3]) else 1L
ids <- names(data)[seq(1, length(data), by = stride)]
for (id in ids) {
  s <- data[[id]]
  fit <- ets(ts(s$history, frequency = s$frequency))
  fc <- forecast(fit, h = s$horizon, level = 95)
  out[[id]] <- list(mean = signif(as.numeric(fc$mean), 7), lower = signif(as.numeric(fc$lower), 7), upper = signif(as.numeric(fc$upper), 7))
}
seconds <- as.numeric(difftime(Sys.time(), started, units = "secs"))
write(toJSON(list(seconds = seconds, series = out), digits = NA, auto_unbox = TRUE), args[2])
