"""README: the user's Chinese section comes first, and its first two commands are the ones CI runs."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_first_two_commands_are_install_and_start_then_install_and_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```\n(.*?)\n```$", readme, flags=re.MULTILINE | re.DOTALL)
    assert blocks[:2] == ["pip install . && dualprev", 'pip install ".[test]" && pytest']
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert blocks[1] in ci  # .ci/run runs README's second command verbatim


def test_the_user_section_is_chinese_and_comes_before_the_developer_text() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    user, _, developer = readme.partition("## For developers")
    assert developer, "the developer text follows the user section"
    for heading in ("在 Windows 上安装和启动", "第一次使用", "加载示例企业", "数据保存在哪里", "备份"):
        assert heading in user
    assert "--db" not in user  # the user section speaks of menus and pages, not command-line options
