"""Cross-checks FeeDesk's VietQR codec against an independent implementation (PyPI vietnam-qr-pay).

Reads one JSON object per line on stdin:
  {"decode": "<payload>"}                       -> prints the fields the library reads from it
  {"encode": {"bin", "account", "amount"?, "purpose"?, "card"?}}  -> prints the payload the library builds
and writes one JSON object per line on stdout.
"""
import json
import sys

from vietnam_qr_pay import QRPay
from vietnam_qr_pay.constants import VietQRService

for line in sys.stdin:
    request = json.loads(line)
    if "decode" in request:
        qr = QRPay(request["decode"])
        print(json.dumps({
            "valid": bool(qr.is_valid),
            "initiation": qr.init_method,
            "bin": qr.consumer.bank_bin if qr.consumer else None,
            "account": qr.consumer.bank_number if qr.consumer else None,
            "amount": qr.amount,
            "purpose": qr.additional_data.purpose if qr.additional_data else None,
            "crc": qr.crc,
        }), flush=True)
    else:
        fields = request["encode"]
        qr = QRPay.init_viet_qr(
            bank_bin=fields["bin"], bank_number=fields["account"],
            amount=fields.get("amount"), purpose=fields.get("purpose"),
            service=VietQRService.BY_CARD_NUMBER if fields.get("card") else VietQRService.BY_ACCOUNT_NUMBER)
        print(json.dumps({"payload": qr.build()}), flush=True)
