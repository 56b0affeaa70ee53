"""The usual units of a Vietnamese ward, commune or district, with the ways they are written.

Directives name these units before a committee has registered any ("Giao Phòng GD&ĐT ...",
"VP HĐND&UBND phối hợp ..."). Each entry is a built-in `KnownUnit` keyed "builtin:<slug>".
Matching ignores case, diacritics, spaces, "&"/"và" and "-" (see `domain.understand.assignees`), so
"Phòng GD&ĐT", "phong GDDT" and "Phòng GD và ĐT" are one entry; only genuinely different spellings
(abbreviations, full names) are listed.

Names of localities after a unit ("Công an phường", "Văn phòng HĐND&UBND quận Long Biên") are
accepted by the matcher and need no entry of their own.
"""

from __future__ import annotations

from domain.types import KnownUnit

# (slug, display name, aliases)
_CATALOG: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # --- offices
    ("van-phong-hdnd-ubnd", "Văn phòng HĐND&UBND", (
        "VP HĐND&UBND", "Văn phòng HĐND - UBND", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
        "Văn phòng UBND", "VP UBND", "Văn phòng Ủy ban nhân dân", "Văn phòng HĐND UBND", "VP HĐND-UBND",
        "Văn phòng", "VP", "Văn phòng - Thống kê", "VP-TK",
    )),
    ("van-phong-dang-uy", "Văn phòng Đảng ủy", ("VPĐU", "VP Đảng ủy", "Văn phòng Đảng ủy phường")),
    # --- specialised divisions (phòng chuyên môn) of a district / new commune
    ("phong-gd-dt", "Phòng GD&ĐT", ("Phòng Giáo dục và Đào tạo", "Phòng Giáo dục", "PGD&ĐT", "Phòng GD")),
    ("phong-tc-kh", "Phòng TC-KH", ("Phòng Tài chính - Kế hoạch", "Phòng Tài chính Kế hoạch", "Phòng TCKH",
                                    "Phòng Tài chính")),
    ("phong-vh-tt", "Phòng VH-TT", ("Phòng Văn hóa và Thông tin", "Phòng Văn hóa - Thông tin", "Phòng VHTT",
                                    "Phòng Văn hóa", "Phòng VH&TT")),
    ("phong-vh-xh", "Phòng Văn hóa - Xã hội", ("Phòng VH-XH", "Phòng VHXH", "Phòng Văn hóa Xã hội")),
    ("phong-tn-mt", "Phòng TN-MT", ("Phòng Tài nguyên và Môi trường", "Phòng TNMT", "Phòng TN&MT")),
    ("phong-tu-phap", "Phòng Tư pháp", ("Phòng TP",)),
    ("phong-ld-tbxh", "Phòng LĐ-TB&XH", ("Phòng Lao động - Thương binh và Xã hội", "Phòng LĐTBXH",
                                        "Phòng Lao động Thương binh Xã hội")),
    ("phong-y-te", "Phòng Y tế", ()),
    ("phong-noi-vu", "Phòng Nội vụ", ("Phòng NV",)),
    ("phong-kinh-te", "Phòng Kinh tế", ("Phòng KT",)),
    ("phong-kt-ht-dt", "Phòng Kinh tế, Hạ tầng và Đô thị", ("Phòng KT-HT&ĐT",
     "Phòng Kinh tế - Hạ tầng - Đô thị",
                                                          "Phòng KTHTĐT")),
    ("phong-qldt", "Phòng QLĐT", ("Phòng Quản lý đô thị", "Phòng QL đô thị")),
    ("phong-kinh-te-ha-tang", "Phòng Kinh tế - Hạ tầng", ("Phòng KT-HT", "Phòng KTHT")),
    ("phong-nn-ptnt", "Phòng NN&PTNT", ("Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Nông nghiệp",
                                        "Phòng Nông nghiệp và Môi trường")),
    ("thanh-tra", "Thanh tra", ("Thanh tra quận", "Thanh tra huyện", "Thanh tra phường")),
    # --- security
    ("cong-an", "Công an", ("Công an phường", "Công an xã", "Công an quận", "Công an huyện")),
    ("ban-chqs", "Ban CHQS", ("Ban Chỉ huy Quân sự", "BCH Quân sự", "Ban CHQS phường", "BCHQS")),
    # --- Party, Front and mass organisations
    ("dang-uy", "Đảng ủy", ("Đảng bộ", "Ban Thường vụ Đảng ủy", "BTV Đảng ủy")),
    ("mttq", "Ủy ban MTTQ", ("MTTQ", "Mặt trận Tổ quốc", "Mặt trận Tổ quốc Việt Nam", "UB MTTQ", "UBMTTQ",
                            "Ủy ban Mặt trận Tổ quốc", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận")),
    ("doan-tn", "Đoàn Thanh niên", ("Đoàn TN", "Đoàn TNCS Hồ Chí Minh",
     "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
                                     "Đoàn phường", "Đoàn xã", "Đoàn TNCS HCM")),
    ("hoi-lhpn", "Hội LHPN", ("Hội Liên hiệp Phụ nữ", "Hội Phụ nữ", "Hội LHPN Việt Nam")),
    ("hoi-ccb", "Hội CCB", ("Hội Cựu chiến binh",)),
    ("hoi-nong-dan", "Hội Nông dân", ("Hội ND",)),
    ("hoi-nct", "Hội Người cao tuổi", ("Hội NCT",)),
    ("hoi-chu-thap-do", "Hội Chữ thập đỏ", ("Hội CTĐ",)),
    ("ban-tuyen-giao", "Ban Tuyên giáo", ("BTG",)),
    ("ban-dan-van", "Ban Dân vận", ()),
    ("ban-to-chuc", "Ban Tổ chức", ()),
    ("ubkt", "Ủy ban Kiểm tra", ("UBKT", "Ủy ban Kiểm tra Đảng ủy")),
    # --- People's Council and Committee
    ("ubnd", "UBND", ("Ủy ban nhân dân", "UBND phường", "UBND xã", "UBND quận", "UBND huyện",
     "UBND thị trấn")),
    ("ubnd-cac-phuong-xa", "UBND các phường, xã", (
        "UBND các phường", "UBND các xã", "UBND các xã, thị trấn", "Ủy ban nhân dân các phường",
        "Ủy ban nhân dân các xã", "UBND các phường, xã, thị trấn", "UBND các xã, phường, thị trấn",
    )),
    ("hdnd", "HĐND", ("Hội đồng nhân dân", "HĐND phường", "HĐND xã", "HĐND quận")),
    ("thuong-truc-hdnd", "Thường trực HĐND", ("TT HĐND", "Thường trực Hội đồng nhân dân")),
    ("ban-kt-xh-hdnd", "Ban Kinh tế - Xã hội HĐND", ("Ban Kinh tế - Xã hội", "Ban KT-XH")),
    ("ban-phap-che-hdnd", "Ban Pháp chế HĐND", ("Ban Pháp chế",)),
    # --- communication
    ("ban-bien-tap", "Ban biên tập", ("BBT", "Ban biên tập Cổng thông tin điện tử", "Ban biên tập Cổng TTĐT",
                                      "Ban biên tập trang thông tin điện tử", "Ban biên tập tin bài")),
    ("dai-truyen-thanh", "Đài truyền thanh", ("Đài TT", "Đài phát thanh", "Đài truyền thanh phường")),
    # --- service points and units
    ("bo-phan-mot-cua", "Bộ phận một cửa", ("Bộ phận tiếp nhận và trả kết quả", "Bộ phận TN&TKQ",
                                            "Bộ phận một cửa hiện đại", "Bộ phận Một cửa liên thông",
                                            "Bộ phận tiếp nhận và trả kết quả thủ tục hành chính",
                                            "Bộ phận TN&TKQ TTHC")),
    ("tram-y-te", "Trạm Y tế", ("TYT",)),
    ("trung-tam-vh-tt", "Trung tâm VH-TT", ("Trung tâm Văn hóa - Thể thao", "Trung tâm Văn hóa Thể thao",
                                            "TT VH-TT", "Trung tâm VHTT",
                                            "Trung tâm Văn hóa Thông tin và Thể thao",
                                            "Trung tâm VHTT&TT", "Trung tâm Văn hóa - Thông tin - Thể thao")),
    ("ban-qlda", "Ban QLDA", ("Ban Quản lý dự án", "Ban Quản lý dự án đầu tư xây dựng", "Ban QLDA ĐTXD",
                              "BQLDA")),
    ("doi-qlttdt", "Đội Quản lý trật tự đô thị", ("Đội QLTTĐT", "Đội TTĐT", "Đội trật tự đô thị",
                                                   "Đội Quản lý trật tự xây dựng đô thị", "Đội QLTTXDĐT")),
    ("trung-tam-ptqd", "Trung tâm Phát triển quỹ đất", ("TTPTQĐ",)),
    ("bhxh", "Bảo hiểm xã hội", ("BHXH",)),
    ("chi-cuc-thue", "Chi cục Thuế", ()),
    ("kho-bac", "Kho bạc Nhà nước", ("Kho bạc", "KBNN")),
    ("ban-ttnd", "Ban Thanh tra nhân dân", ("Ban TTND",)),
    ("to-dan-pho", "Tổ dân phố", ("TDP", "các tổ dân phố")),
    # --- commune/ward civil servants (công chức chuyên môn)
    ("cc-dia-chinh", "Công chức Địa chính", ("Địa chính - Xây dựng", "Công chức Địa chính - Xây dựng",
                                             "Địa chính - Xây dựng - Đô thị và Môi trường", "Địa chính",
                                             "ĐC-XD", "Công chức ĐC-XD", "Địa chính - Nông nghiệp")),
    ("cc-vh-xh", "Công chức Văn hóa - Xã hội", ("Văn hóa - Xã hội", "VH-XH", "Công chức VH-XH")),
    ("cc-tu-phap-ho-tich", "Công chức Tư pháp - Hộ tịch", ("Tư pháp - Hộ tịch", "TP-HT", "Công chức TP-HT",
                                                           "Tư pháp")),
    ("cc-tai-chinh-ke-toan", "Công chức Tài chính - Kế toán", ("Tài chính - Kế toán", "TC-KT",
                                                                 "Công chức TC-KT", "Kế toán")),
)

BUILTIN_UNITS: tuple[KnownUnit, ...] = tuple(
    KnownUnit(key=f"builtin:{slug}", name=name, aliases=aliases) for slug, name, aliases in _CATALOG
)


def builtin_unit(key: str) -> KnownUnit | None:
    """The built-in unit with this key ("builtin:<slug>"), if any."""
    for unit in BUILTIN_UNITS:
        if unit.key == key:
            return unit
    return None
