"""What a release decision means, in sentences: for the dossier and for the confirmation."""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui.formatting import count, fill, money
from models.services.release_dossier import LOOKBACK_DAYS, ReleaseDossier


def share(fraction: float) -> str:
    return f"{fraction * 100:.1f}%"


class Consequences(QObject):
    """Sentences with counts in them (the translation tools read plurals from a class only)."""

    def leaving_title(self, dossier: ReleaseDossier) -> str:
        if dossier.status == "approved":
            return fill(
                self.tr("%Ln customer(s) left with %1", "", len(dossier.leaving)),
                dossier.manager_name,
            )
        return self.tr("%Ln customer(s) would leave", "", len(dossier.leaving))

    def staying(self, dossier: ReleaseDossier) -> str:
        return fill(
            self.tr(
                "%Ln other customer(s) of the sub-store stay with you. Only customers with a paid "
                "order in the sub-store of %1 leave; everyone else stays.",
                "",
                dossier.staying_in_sub_store,
            ),
            dossier.manager_name,
        )

    def sales(self, dossier: ReleaseDossier) -> str:
        return fill(
            self.tr("In the last %1 days they bought %2 from you: %3 of your shop's sales (%4)."),
            LOOKBACK_DAYS,
            money(dossier.leaving_sales_cents),
            share(dossier.leaving_share),
            money(dossier.shop_sales_cents),
        )

    def open_orders(self, dossier: ReleaseDossier) -> str:
        if not dossier.open_orders:
            return self.tr("None of their orders is still open.")
        return fill(
            self.tr(
                "%Ln open order(s) of theirs are affected: %1, with %2 commission.",
                "",
                dossier.open_orders,
            ),
            money(dossier.open_amount_cents),
            money(dossier.open_commission_cents),
        )

    def allocated(self, allocated: int) -> str:
        return self.tr("%Ln public-domain customer(s) allocated", "", allocated)

    def approve_question(self, dossier: ReleaseDossier) -> str:
        name = dossier.manager_name
        lines = [
            fill(
                self.tr(
                    "%Ln customer(s) will leave with %1 and belong to %1's new shop.",
                    "",
                    len(dossier.leaving),
                ),
                name,
            ),
            fill(
                self.tr(
                    "They bought %1 of the last %2 days' sales (%3). Their open orders: %4, "
                    "with %5 commission."
                ),
                money(dossier.leaving_sales_cents),
                LOOKBACK_DAYS,
                share(dossier.leaving_share),
                money(dossier.open_amount_cents),
                money(dossier.open_commission_cents),
            ),
            self.tr(
                "%Ln other customer(s) of the sub-store stay with you.",
                "",
                dossier.staying_in_sub_store,
            ),
            fill(
                self.tr(
                    "%1 becomes an independent shop owner. The platform then allocates new "
                    "public-domain customers to you in the coming days."
                ),
                name,
            ),
            self.tr("Once synced, this cannot be undone."),
        ]
        return "\n\n".join(lines)

    def decline_question(self, dossier: ReleaseDossier, reason: str) -> str:
        return "\n\n".join(
            [
                fill(
                    self.tr(
                        "%1 stays your store manager and every customer stays with you "
                        "(%2 would have left)."
                    ),
                    dossier.manager_name,
                    count(len(dossier.leaving)),
                ),
                fill(self.tr("Your reason: %1"), reason),
                self.tr("Once synced, this cannot be undone."),
            ]
        )
