# The M/M/1 model of bench/simulate.ts in SimPy (Debian's python3-simpy3), for an events-per-second
# comparison in the same run: lambda = 0.9, mu = 1, FCFS, CUSTOMERS customers; prints one JSON line.
import json
import random
import sys
import time

import simpy

CUSTOMERS = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
LAMBDA, MU = 0.9, 1.0


def customer(env, server, waits):
    arrived = env.now
    with server.request() as request:
        yield request
        waits.append(env.now - arrived)
        yield env.timeout(random.expovariate(MU))


def source(env, server, waits):
    for _ in range(CUSTOMERS):
        yield env.timeout(random.expovariate(LAMBDA))
        env.process(customer(env, server, waits))


random.seed(7)
env = simpy.Environment()
server = simpy.Resource(env, capacity=1)
waits = []
env.process(source(env, server, waits))
started = time.perf_counter()
env.run()
elapsed = time.perf_counter() - started
print(json.dumps({"customers": CUSTOMERS, "seconds": elapsed, "meanWait": sum(waits) / len(waits), "simpy": simpy.__version__}))
