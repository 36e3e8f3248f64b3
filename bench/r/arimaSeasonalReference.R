# Reference fits of R's forecast::auto.arima (defaults) on quarterly and monthly M3 development
# series, with the seasonal strength nsdiffs compares with 0.64, for test/forecast/arima.test.ts.
# Usage: Rscript bench/r/arimaSeasonalReference.R <m3-dev.json> <out.json>
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
data <- fromJSON(args[1], simplifyVector = TRUE)
ids <- names(data)
period <- vapply(ids, function(id) data[[id]]$period, "")
quarterly <- ids[period == "QUARTERLY"]
monthly <- ids[period == "MONTHLY"]
pick <- c(quarterly[seq(3, length(quarterly), by = 5)], monthly[seq(7, length(monthly), by = 15)])
out <- list()
for (id in pick) {
  s <- data[[id]]
  x <- ts(s$history, frequency = s$frequency)
  started <- proc.time()[["elapsed"]]
  fit <- auto.arima(x)
  o <- arimaorder(fit)
  out[[id]] <- list(
    frequency = s$frequency, history = s$history,
    order = as.list(o), constant = any(names(coef(fit)) %in% c("drift", "intercept")),
    loglik = fit$loglik, aicc = fit$aicc,
    strength = forecast:::seas.heuristic(x), D = nsdiffs(x),
    seconds = proc.time()[["elapsed"]] - started
  )
}
write(toJSON(out, digits = NA, auto_unbox = TRUE), args[2])
