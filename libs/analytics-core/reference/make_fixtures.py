"""Reference values for libs/analytics-core from statsmodels (Debian's python3-statsmodels 0.13.5).

Run: /usr/bin/python3 libs/analytics-core/reference/make_fixtures.py > libs/analytics-core/reference/statsmodels.json
The series are deterministic so that the TypeScript tests feed exactly the same numbers.
"""
import json
import math

import numpy as np
import statsmodels
import statsmodels.api as sm
from statsmodels.tsa.holtwinters import ExponentialSmoothing
from statsmodels.tsa.seasonal import seasonal_decompose


def wobble(t):
    """Deterministic noise in [-1, 1]."""
    return math.sin(1.7 * t) * math.cos(0.3 * t * t)


def ols_case():
    y = [3.0 + 0.5 * t + 2.0 * wobble(t) for t in range(30)]
    x = sm.add_constant(np.arange(len(y), dtype=float))
    fit = sm.OLS(np.array(y), x).fit()
    low, high = fit.conf_int(alpha=0.05)[1]
    return {
        "y": y,
        "intercept": fit.params[0],
        "slope": fit.params[1],
        "slopeStandardError": fit.bse[1],
        "slopeInterval95": [low, high],
    }


WEEK = [0.0, -5.0, -3.0, 1.0, 4.0, 12.0, -9.0]


def holt_winters_case():
    y = [50.0 + 0.8 * t + WEEK[t % 7] + 3.0 * wobble(t) for t in range(56)]
    params = {"alpha": 0.3, "beta": 0.1, "gamma": 0.2}
    initial = {"level": 48.0, "trend": 1.0, "seasonal": [1.0, -4.0, -3.0, 0.0, 5.0, 11.0, -10.0]}
    model = ExponentialSmoothing(
        np.array(y),
        trend="add",
        seasonal="add",
        seasonal_periods=7,
        initialization_method="known",
        initial_level=initial["level"],
        initial_trend=initial["trend"],
        initial_seasonal=np.array(initial["seasonal"]),
    )
    fit = model.fit(
        smoothing_level=params["alpha"],
        smoothing_trend=params["beta"],
        smoothing_seasonal=params["gamma"],
        optimized=False,
    )
    # statsmodels 0.13.5 forecasts horizons that are multiples of the season with the seasonal factor
    # of one season earlier (statsmodels#9538, fixed by #10230). Hyndman's equations, from the same
    # fitted final state, give the corrected forecast the TypeScript side is held to.
    level, trend, season = fit.level[-1], fit.trend[-1], fit.season[-7:]
    corrected = [level + h * trend + season[(h - 1) % 7] for h in range(1, 15)]
    return {
        "y": y,
        "parameters": params,
        "initial": initial,
        "fitted": list(fit.fittedvalues),
        "forecast14": list(fit.forecast(14)),
        "forecast14FromFinalState": corrected,
    }


def decompose_case():
    y = [100.0 + 0.4 * t + WEEK[t % 7] * 2 + 4.0 * wobble(t) for t in range(63)]
    result = seasonal_decompose(np.array(y), period=7, model="additive")
    return {"y": y, "seasonal7": list(result.seasonal[:7])}


print(
    json.dumps(
        {
            "statsmodels": statsmodels.__version__,
            "ols": ols_case(),
            "holtWinters": holt_winters_case(),
            "seasonalDecompose": decompose_case(),
        },
        indent=2,
    )
)
