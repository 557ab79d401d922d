"""A schema-0004 database upgrades to the work-safety tables with its data intact, and takes
certificates for the people it already had."""

import shutil
from datetime import date
from pathlib import Path

from dualprev.domain.certificates import CertificateKind, CertificateStatus
from dualprev.services import organisation_service as org
from dualprev.services.work_safety import certificates
from dualprev.services.work_safety.certificates import CertificateInput
from dualprev.storage.db import open_database

FIXTURE = Path(__file__).parents[1] / "fixtures" / "schema_0004.sqlite"


def test_upgrade_from_0004_keeps_people_and_takes_certificates(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    db = open_database(path)
    try:
        (person,) = org.list_people(db)
        assert person.name == "张师傅"
        assert certificates.list_certificates(db, today=date(2026, 12, 5)) == []
        certificates.save_certificate(
            db,
            None,
            CertificateInput(
                person.id,
                CertificateKind.ELECTRICIAN,
                "T1",
                "",
                date(2024, 1, 1),
                date(2030, 1, 1),
                date(2027, 1, 1),
            ),
            actor="t",
        )
    finally:
        db.close()
    reopened = open_database(path)
    try:
        (row,) = certificates.list_certificates(reopened, today=date(2026, 12, 5))
        assert (row.person_name, row.status) == ("张师傅", CertificateStatus.EXPIRING_SOON)
        assert org.get_enterprise(reopened) is not None
    finally:
        reopened.close()
