"""Reads an MT940 file with an independent parser (PyPI mt-940) and prints line count and totals.

Usage: python3 mt940_interop.py FILE  ->  {"lines": n, "credits": minor units, "debits": minor units}
"""
import json
import sys
from decimal import Decimal

import mt940

transactions = mt940.parse(sys.argv[1])
credits = Decimal(0)
debits = Decimal(0)
count = 0
for transaction in transactions:
    amount = transaction.data["amount"].amount
    count += 1
    if amount >= 0:
        credits += amount
    else:
        debits += -amount
exponent = int(sys.argv[2]) if len(sys.argv) > 2 else 0
scale = Decimal(10) ** exponent
print(json.dumps({"lines": count, "credits": int(credits * scale), "debits": int(debits * scale)}))
