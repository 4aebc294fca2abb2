from cryptography.fernet import InvalidToken
from django.core.management.base import BaseCommand, CommandError

from gongkai.core.rotation import rotate_all


class Command(BaseCommand):
    help = (
        "用当前的 DATA_ENCRYPTION_KEY 重新加密全部个人信息，"
        "并用当前的 LOOKUP_HASH_KEY 重算查找哈希。轮换密钥：把新密钥设为 DATA_ENCRYPTION_KEY、"
        "旧密钥设为 DATA_ENCRYPTION_OLD_KEYS，运行本命令，然后删除旧密钥。"
    )

    def handle(self, *args, **options):
        try:
            done = rotate_all()
        except (InvalidToken, ValueError) as exc:
            raise CommandError(
                "有数据无法用已配置的任何密钥解密，未做任何修改："
                "请把加密这些数据的旧密钥加入 DATA_ENCRYPTION_OLD_KEYS。"
            ) from exc
        for name, count in done.values.items():
            self.stdout.write(f"已重新加密 {name}：{count} 行")
        for name, count in done.hashes.items():
            self.stdout.write(f"已重算查找哈希 {name}：{count} 行有变化")
        self.stdout.write(self.style.SUCCESS("完成。确认无误后可删除 DATA_ENCRYPTION_OLD_KEYS。"))
