"""Sample applicant input that passes the intake checks: a tiny identity proof (a real 1×1
PNG, a minimal PDF) and resident ID numbers and credit codes with correct check characters.
The demo builds its applications from these; the tests' factories reuse them."""

from gongkai.core.identity import credit_code_check_char, resident_id_check_digit

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00"
    b":~\x9bU\x00\x00\x00\nIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\xb18\xf6\x14\x00\x00\x00\x00"
    b"IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def resident_id(serial=1):
    """A valid 18-digit resident ID number; ``serial`` (0–999) tells them apart."""
    first17 = f"11010519800101{serial:03d}"
    return first17 + resident_id_check_digit(first17)


def credit_code(serial=1):
    """A valid unified social credit code of an enterprise; ``serial`` tells them apart."""
    first17 = f"91110000{serial:09d}"
    return first17 + credit_code_check_char(first17)
