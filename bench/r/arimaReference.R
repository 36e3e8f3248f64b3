# Reference fits of R's forecast::auto.arima on a fixed sample of M3 development series, for
# test/forecast/arima.test.ts. Usage: Rscript bench/r/arimaReference.R <m3-dev.json> <out.json>
suppressMessages({ library(forecast); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
data <- fromJSON(args[1], simplifyVector = TRUE)
ids <- names(data)
pick <- ids[seq(1, length(ids), by = 22)]
out <- list()
for (id in pick) {
  s <- data[[id]]
  fit <- auto.arima(ts(s$history, frequency = s$frequency))
  o <- arimaorder(fit)
  fixed <- Arima(ts(s$history, frequency = s$frequency), order = c(1, 1, 1), include.drift = FALSE, method = "ML")
  out[[id]] <- list(
    frequency = s$frequency, history = s$history,
    order = as.list(o), constant = any(names(coef(fit)) %in% c("drift", "intercept")),
    loglik = fit$loglik, aicc = fit$aicc, sigma2 = fit$sigma2,
    forecast = as.numeric(forecast(fit, h = 3)$mean),
    arima111 = list(loglik = fixed$loglik, coef = as.list(coef(fixed)))
  )
}
write(toJSON(out, digits = NA, auto_unbox = TRUE), args[2])
