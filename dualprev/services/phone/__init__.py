"""手机端 use cases, for the LAN service and the PC's 手机访问 page: pairing phones to people
(``devices``), carrying out a phone's write exactly once (``once``), the 随手拍 reports that wait in
待审核 for the safety manager (``reports``), and a person's check tasks and rectifications
(``field_work``). Every write is audited with the person and the phone."""
