"""证书, 作业许可 with the 有限空间台账, 应急预案 and 应急演练 (issue 14): create, edit, void, list, print."""
