"""Word lists the assignee parser reads Vietnamese directives with.

Kept as data, apart from the rules in `domain.understand.assignees`, so that a reader can check and extend
them. Every entry is written with diacritics; `PhraseSet` also matches text typed without them.
"""

from __future__ import annotations

from domain.understand.vntokens import PhraseSet

# ------------------------------------------------------------------------------------------ triggers
# Verbs that hand work to the noun phrase after them: "Giao X ...", "Đề nghị X ...". Bottom-up
# "X đề nghị Y ..." reads the same way: Y is asked to act.
ASSIGN_VERBS = PhraseSet(
    [
        "giao",
        "giao cho",
        "giao nhiệm vụ cho",
        "giao trách nhiệm cho",
        # "kết luận giao nhiệm vụ UBND phường tiếp tục ...", "giao trách nhiệm Sở Lao động ... phối
        # hợp ...", "giao nhiệm vụ cụ thể cho các phòng ...", "giao nhiệm vụ tới các chi bộ ...".
        "giao nhiệm vụ",
        "giao trách nhiệm",
        "giao nhiệm vụ cụ thể",
        "giao nhiệm vụ cụ thể cho",
        "giao nhiệm vụ tới",
        "giao nhiệm vụ cụ thể tới",
        "giao cụ thể",
        "giao cụ thể cho",
        "đề nghị",
        "kính đề nghị",
        "đề nghị với",
        "yêu cầu",
        "chỉ đạo",
        "chỉ thị",
        "kiến nghị",
        "phân công",
        "phân công cho",
        "trách nhiệm của",
    ]
)
# "giao" and "chỉ đạo" are also parts of other words: "giao ban" (a meeting), "bàn giao"
# (hand over), "giao thông", "Ban chỉ đạo"...
GIAO_NOT_BEFORE = PhraseSet(
    ["ban", "nhận", "tiếp", "thông", "dịch", "lưu", "diện", "thoa", "hữu", "kết", "khoán", "đất", "ước",
     "hàng",
     "lộ", "tranh", "cắt", "quyền", "ca", "nộp", "tế", "lưu"]
)
GIAO_NOT_AFTER = PhraseSet(["bàn", "chuyển", "được", "bên", "đã", "đã được", "mới", "ngoại", "xã", "xuất"])
CHIDAO_NOT_AFTER = PhraseSet(["ban", "ý kiến", "sự", "công tác", "lãnh đạo", "theo", "trưởng ban",
                              "nội dung"])

# A noun phrase the verb above may hand work to starts with one of these.
ORG_HEADS = PhraseSet(
    [
        "ủy ban nhân dân", "ubnd", "ub", "ủy ban", "hđnd", "hội đồng nhân dân", "hội đồng", "văn phòng", "vp",
        "phòng", "sở", "bộ", "ban", "cục", "chi cục", "tổng cục", "trung tâm", "trạm", "hội", "đoàn",
        "công an",
        "lực lượng", "đội", "tổ", "chi bộ", "đảng ủy", "đảng bộ", "đảng đoàn", "ban cán sự", "cấp ủy",
        "thường trực", "thường vụ", "tổng công ty", "công ty", "ngân hàng", "kho bạc", "bệnh viện", "trường",
        "viện", "tòa án", "viện kiểm sát", "chi nhánh", "bảo hiểm xã hội", "bhxh", "bộ phận", "cơ quan",
        "thanh tra", "đài", "đài truyền thanh", "mặt trận", "mttq", "khối", "hợp tác xã", "htx",
        "doanh nghiệp",
        "nhà trường", "chủ đầu tư", "nhà thầu", "ban chỉ huy", "bch", "đơn vị", "ngành", "địa phương",
        "chính quyền", "tổ dân phố", "khu phố", "thôn", "xóm", "ấp", "quận", "huyện", "thị xã", "xã",
        "phường",
        "thị trấn", "tỉnh", "thành phố", "tp", "hộ gia đình", "cá nhân", "đoàn thể", "phòng ban", "ban ngành",
        "sở ngành", "chủ hộ", "chủ cơ sở", "tổ công tác", "tổ chức", "khu dân cư", "ủy ban mặt trận",
        "mặt trận tổ quốc", "bql", "bqlda", "ubmttq", "hạt", "chi hội", "chi đoàn", "đồn",
        "ban điều hành", "nhóm", "công đoàn", "liên đoàn", "hiệp hội", "câu lạc bộ",
    ]
)
# Bare category nouns: "các sở, ngành", "UBND các xã, thị trấn", "các cơ quan, ban, ngành" list
# kinds of one group rather than separate assignees.
CATEGORY_NOUNS = PhraseSet(
    [
        "sở", "ban", "ngành", "cơ quan", "đơn vị", "đoàn thể", "địa phương", "tổ chức", "phòng ban", "phòng",
        "bộ phận", "cá nhân", "doanh nghiệp", "trường", "hộ", "hộ gia đình", "khu phố", "tổ dân phố", "thôn",
        "xóm", "ấp", "bản", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "tỉnh", "thành phố", "tp",
        "bộ", "cơ quan ngang bộ", "hội", "đoàn", "đội", "tổ", "ban ngành", "sở ngành", "lực lượng", "chi bộ",
        "hợp tác xã", "khu dân cư", "cấp",
    ]
)
PLACE_NOUNS = PhraseSet(
    ["quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "tỉnh", "thành phố", "tp", "thủ đô", "thôn", "tổ",
     "khu phố", "cụm", "khu vực", "liên phường", "liên xã"]
)
PERSON_HEADS = PhraseSet(
    [
        "đồng chí", "đ/c", "đc", "ông", "bà", "anh", "chị", "chủ tịch", "phó chủ tịch", "pct", "ct", "bí thư",
        "phó bí thư", "giám đốc", "phó giám đốc", "chánh văn phòng", "phó chánh văn phòng", "chánh thanh tra",
        "trưởng", "phó trưởng", "trưởng ban", "phó trưởng ban", "phó ban", "trưởng phòng", "phó trưởng phòng",
        "thủ trưởng", "bộ trưởng", "thứ trưởng", "thủ tướng", "phó thủ tướng", "tổ trưởng", "tổ phó",
        "đội trưởng", "cán bộ", "công chức", "viên chức", "thành viên", "lãnh đạo", "người đứng đầu",
        "biên tập viên", "biên tập", "thư ký", "văn thư", "chuyên viên", "hiệu trưởng",
        "trưởng khu phố", "trưởng thôn", "chủ nhiệm", "phó chủ nhiệm", "tổng biên tập", "phóng viên",
        "cộng tác viên", "đại biểu", "giáo viên", "nhân viên", "chỉ huy trưởng", "chính trị viên",
        "trưởng công an",
        "tổ trưởng tổ dân phố", "bí thư chi bộ", "người phát ngôn", "đảng viên",
    ]
)
# "các", "những", "02", "100%"...: a plural or counted group follows.
DETERMINERS = PhraseSet(["các", "những", "mọi", "toàn thể", "tất cả", "tất cả các", "từng", "mỗi", "cả"])

# ------------------------------------------------------------------------------------------ predicates
# Words after which a noun phrase has ended and its predicate begins.
PREDICATE_MARKERS = PhraseSet(
    [
        "tiếp tục", "khẩn trương", "chủ động", "thường xuyên", "trực tiếp", "nghiêm túc", "kịp thời", "sớm",
        "cần", "cần phải", "phải", "sẽ", "đã", "đang", "vừa", "cũng", "luôn", "hãy", "nên", "có trách nhiệm",
        "chịu trách nhiệm", "được giao", "chủ trì", "phối hợp", "làm đầu mối", "là đầu mối", "đồng thời",
        "quyết liệt", "tích cực", "khẩn cấp", "chưa", "không", "tập trung", "ngay", "nhanh chóng", "cùng lúc",
        "định kỳ", "hàng tháng", "hằng tháng", "hàng tuần", "hằng tuần", "hàng quý", "hằng quý", "hàng năm",
        "hằng năm", "có ý kiến", "có văn bản", "có công văn", "có kế hoạch", "có kỹ năng", "có biện pháp",
        "có giải pháp", "có báo cáo", "có tờ trình", "có phương án", "có thông báo", "là", "làm", "bị",
        "ngày càng", "tăng cường", "đều",
    ]
)
# Adverbs and aspect words that may stand between a subject and its verb.
ADVERBS = PhraseSet(
    [
        "tiếp tục", "khẩn trương", "chủ động", "thường xuyên", "trực tiếp", "nghiêm túc", "kịp thời", "sớm",
        "cần", "cần phải", "phải", "sẽ", "đã", "đang", "vừa", "cũng", "luôn", "hãy", "nên", "đồng thời",
        "quyết liệt", "tích cực", "khẩn cấp", "tập trung", "nhanh chóng", "chặt chẽ", "trước mắt", "ngay",
        "định kỳ", "hàng tháng", "hằng tháng", "hàng tuần", "hằng tuần", "hàng quý", "hằng quý", "hàng năm",
        "hằng năm", "khẩn", "mới", "vẫn", "thì", "thật sự", "thực sự", "cũng đã", "vừa qua", "có trách nhiệm",
        "trong thời gian tới", "thời gian tới", "trong thời gian tiếp theo", "từ nay", "sau đó", "trước hết",
        "đều",
    ]
)
# Reporting verbs: a subject that only relays ("X tiếp thu ...; đồng thời đề nghị Y ...", "X ban hành
# văn bản ... giao Y ...") is not the assignee; the party it asks is.
REPORTING_WORDS = PhraseSet(
    [
        "tiếp thu", "ban hành", "thông báo", "có", "công văn", "văn bản", "kết luận", "nhấn mạnh",
        "phát biểu",
        "lưu ý", "chỉ đạo", "gửi", "nêu", "nêu rõ", "cho biết", "ký", "đồng ý", "thống nhất", "ghi nhận",
        "đánh giá", "biểu dương", "trả lời", "tổ chức", "chủ trì", "họp", "nghe", "thay mặt", "đề ra",
        "cho ý kiến",
    ]
)
# Words that end a noun phrase (prepositions, the object of the assignment...).
NP_STOPS = PhraseSet(
    [
        "theo", "để", "nhằm", "về", "đối với", "trước", "sau", "từ", "đến", "khi", "nếu", "do", "vì", "với",
        "bằng", "cho", "nhiệm vụ", "trách nhiệm", "việc", "công tác", "kết quả", "tháng", "quý", "tuần",
        "ngày", "hôm nay", "trên cơ sở", "căn cứ", "như", "như sau", "sau đây", "gồm", "bao gồm", "mà", "thì",
        "nhưng", "hoặc", "tuy nhiên", "song", "kể cả", "ở", "là", "nội dung", "các nội dung", "một số",
        "ý kiến", "qua", "tại",
    ]
)
# Prepositions that continue a noun phrase when an organisation follows: "các đồng chí trong ban
# chỉ đạo", "các tổ chức, cá nhân trên địa bàn huyện", "các đơn vị thuộc UBND".
NP_LINKS_BEFORE_ORG = PhraseSet(["trong", "của", "thuộc", "trực thuộc", "tại"])
NP_KEEP = PhraseSet(
    [
        "trên địa bàn", "phụ trách", "được phân công", "có liên quan", "liên quan", "đi qua",
        "chạy qua",
        "trực thuộc", "thuộc", "chuyên trách", "chuyên môn", "tiếp nhận và trả kết quả", "một cửa",
        "đầu tư xây dựng", "dự án đầu tư xây dựng", "quản lý dự án", "ban chỉ đạo", "ban quản lý",
        "thường trực",
        "ban biên tập", "tổ công tác", "đoàn công tác", "đoàn kiểm tra", "đoàn giám sát", "tổ kiểm tra",
        "đội kiểm tra", "tổ giúp việc", "ban chỉ huy", "quản lý đô thị", "quản lý trật tự",
        "phát triển quỹ đất",
        "bảo vệ dân phố", "văn hóa", "văn hóa thông tin", "thông tin", "thông tin và truyền thông",
        "cổng thông tin điện tử", "cổng thông tin", "trang thông tin điện tử", "cổng ttđt", "điện tử",
        "cải cách hành chính", "ứng dụng công nghệ thông tin", "chuyển đổi số", "kế hoạch", "tuyên giáo",
        "dân vận", "kinh tế", "pháp chế", "giáo dục", "đào tạo", "y tế", "tài chính", "nội vụ", "tư pháp",
        "được phân công phụ trách", "có đường", "liên quan đến", "chuyên trang", "ủy ban nhân dân", "ủy ban",
        "hội đồng nhân dân", "hội đồng", "trường học", "nhân dân", "quân sự", "dân quân", "tự vệ",
        # "UBND cấp xã", "chính quyền cấp cơ sở": the level of a body ("cấp" is also a verb).
        "cấp xã", "cấp huyện", "cấp tỉnh", "cấp phường", "cấp cơ sở", "cấp quận", "cấp thành phố",
        "cấp trên", "các cấp",
    ]
)
# Heads that take the word after them as part of the name even when it is also a verb: "Bộ phận
# tham mưu", "Ban quản lý", "Tổ kiểm tra", "Trung tâm phát triển quỹ đất".
HEADS_TAKING_NAME = PhraseSet(
    ["ban", "bộ phận", "phòng", "tổ", "đội", "trung tâm", "cơ quan", "ủy ban", "hội đồng", "đoàn",
     "văn phòng",
     "sở", "cục", "chi cục", "viện", "trạm", "khối", "ban chỉ đạo", "ban quản lý", "nhóm"]
)
# What a committee is set up for: "Ban chỉ đạo phòng chống dịch", "Ban chỉ đạo xây dựng nông thôn mới".
COMMITTEE_PURPOSES = PhraseSet(
    ["phòng chống", "phòng, chống", "xây dựng", "cải cách", "ứng dụng", "chuyển đổi", "phát triển",
     "giải phóng", "bảo vệ", "thực hiện", "vận động", "phổ cập", "quản lý"]
)
# "có" starting a predicate ("có trách nhiệm") rather than a relative clause ("có liên quan").
CO_PREDICATE_OBJECTS = PhraseSet(
    ["trách nhiệm", "ý kiến", "văn bản", "công văn", "kế hoạch", "kỹ năng", "biện pháp", "giải pháp",
     "báo cáo", "tờ trình", "phương án", "thông báo", "chỉ đạo", "nhiệm vụ", "quyết định"]
)
# Words a relay subject uses before naming the receiver: "UBND TP vừa có văn bản gửi các sở ...
# yêu cầu khẩn trương rà soát".
SEND_VERBS = PhraseSet(["gửi", "gửi tới", "gửi đến", "gửi cho"])

# ------------------------------------------------------------------------------------------ verbs
# Action verbs that end a noun phrase (lower-case, mid-sentence). Not exhaustive: a phrase also
# ends at punctuation, a predicate marker or a stop word.
VERBS = PhraseSet(
    [
        "thực hiện", "triển khai", "tổ chức", "xây dựng", "rà soát", "kiểm tra", "kiểm soát", "tổng hợp",
        "báo cáo", "tham mưu", "đề xuất", "nghiên cứu", "ban hành", "ban", "hoàn thiện", "hoàn thành",
        "chuẩn bị", "khắc phục", "xác định", "theo dõi", "đôn đốc", "giám sát", "phối hợp", "chủ trì",
        "chỉ đạo", "hướng dẫn", "tuyên truyền", "cập nhật", "đăng tải", "đăng", "viết", "cung cấp", "bố trí",
        "chuẩn hóa", "nâng cấp", "cải tạo", "sửa chữa", "lắp đặt", "mua sắm", "thu hồi", "xử lý",
        "giải quyết",
        "tháo gỡ", "tiếp nhận", "trả lời", "trình", "gửi", "lập", "điều chỉnh", "khảo sát", "đánh giá",
        "bám sát", "giúp đỡ", "hỗ trợ", "tăng cường", "đẩy mạnh", "duy trì", "nâng cao", "rút kinh nghiệm",
        "quán triệt", "phổ biến", "thông báo", "công khai", "niêm yết", "vận hành", "quản lý", "bảo đảm",
        "đảm bảo", "ưu tiên", "tập trung", "làm", "xem xét", "cân nhắc", "lựa chọn", "phê duyệt", "thẩm định",
        "thẩm tra", "tiếp thu", "tiếp xúc", "dừng", "ngừng", "tạm dừng", "cấp", "thống kê", "kiểm đếm",
        "điều tra", "xác minh", "phân công", "phân định", "phát hiện", "ngăn chặn", "cưỡng chế", "tháo dỡ",
        "di dời", "vận động", "tham gia", "đóng góp", "tham dự", "liên hệ", "làm việc", "trao đổi",
        "kiện toàn",
        "sắp xếp", "bồi dưỡng", "đào tạo", "tập huấn", "khai thác", "sử dụng", "số hóa", "đăng ký", "kê khai",
        "nộp", "quyết toán", "thanh toán", "giải ngân", "tiếp dân", "tiếp công dân", "trực", "phòng chống",
        "phòng, chống", "đi", "nắm", "nắm bắt", "lấy ý kiến", "chăm lo", "công bố", "hoàn chỉnh", "bổ sung",
        "soạn thảo", "dự thảo", "in", "phát hành", "chuyển", "bàn giao", "nhận", "thu", "chi", "rà",
        "kiểm kê",
        "mời", "triệu tập", "họp", "kiểm điểm", "xin", "trình bày", "giải trình", "thẩm định", "đặt", "mở",
        "đóng", "dọn", "dọn dẹp", "vệ sinh", "phun", "tiêu độc", "khử khuẩn", "tiêm", "cài đặt", "chạy",
        "kết nối", "tích hợp", "đồng bộ", "chia sẻ", "lưu trữ", "sao lưu", "scan", "nhập", "nhập liệu",
        "chụp", "quay", "biên soạn", "giải tỏa", "giải phóng", "tuần tra",
        "kiểm tra lại", "khắc phục ngay", "xây", "sửa", "nạo vét", "thu gom", "trồng", "chặt", "cắt",
        "san lấp",
        "hoàn trả", "bố trí lại", "tính", "tính toán", "dự toán", "lập dự toán",
        "lên kế hoạch", "thống nhất", "chốt", "trả", "phản hồi", "xác nhận", "ký", "đóng dấu", "lưu",
        "giữ", "bảo quản", "canh gác", "tuần tra", "kiểm soát", "chấn chỉnh", "xử phạt", "lập biên bản",
        "ra quân", "đề ra", "nêu", "sơ kết", "tổng kết", "kiểm", "đo", "đo đạc", "cắm mốc", "tiếp cận",
        "chịu", "khảo", "điều phối", "giám định", "cải cách", "ứng dụng", "rà roát", "giao", "dự kiến",
        "quản trị", "tuyển", "tuyển dụng", "trình ký", "ban hanh", "giữ gìn", "phát động", "hưởng ứng",
        "phát huy", "khen thưởng", "kỷ luật", "đề nghị", "yêu cầu", "lưu ý", "nhắc nhở", "chấm", "chấm điểm",
        "ưu", "tháo", "di chuyển", "bảo vệ", "xác lập", "nắm chắc", "tự", "tự kiểm tra", "sơ tán",
        "đo lường", "giảm", "tăng", "hạn chế", "phấn đấu", "bắt đầu", "kết thúc", "hoàn tất", "xong",
        "phát", "cử", "phân bổ", "phân bố", "huy động", "mua", "bán", "thuê", "cho thuê", "gặp", "gặp gỡ",
        "thăm", "động viên", "tặng", "trao", "tiếp", "nghe", "xem", "đọc", "học", "nhắc", "hỏi", "đề ra",
        "cân đối", "đối chiếu", "so sánh", "tra cứu", "hướng", "kiến nghị", "ghi nhận", "ghi", "rút",
        "thông qua", "thẩm", "nhận xét", "chỉ ra", "tiến hành", "thảo luận", "phát biểu", "đưa", "đưa ra",
        "đưa vào", "chấp hành", "tuân thủ", "thi hành", "diễn tập", "kiểm nghiệm", "đề cao", "quan tâm",
        "lãnh đạo", "bám", "bám địa bàn", "rà soát lại", "hoàn thiện lại", "cân đối", "tiếp tục thực hiện",
        "chuẩn bị tốt", "tổ chức tốt", "thực hiện tốt", "làm tốt", "phát triển", "mở rộng", "thành lập",
        "kiện toàn lại", "bầu", "bầu bổ sung", "bổ nhiệm", "điều động", "luân chuyển", "miễn nhiệm",
        "đề cử", "giới thiệu", "xét", "xét duyệt", "cấp phát", "cấp giấy", "cấp phép", "gia hạn",
        "thông tin", "thông tin kịp thời", "phản ánh", "truyền thông", "quảng bá", "vinh danh", "đẩy nhanh",
        "bình xét", "giải đáp", "nghiệm thu", "khởi công", "thi công", "đối thoại", "bảo trì", "bảo dưỡng",
        "thay thế", "lắp", "trang bị", "phân phối", "chi trả", "lập hồ sơ", "học tập", "ký kết", "cam kết",
        "tự đánh giá", "xếp loại", "phân loại", "truy thu", "tịch thu", "tạm giữ", "niêm phong", "giải thể",
        "sáp nhập", "hợp nhất", "chia tách", "củng cố", "xin ý kiến", "góp ý", "tham gia ý kiến", "sửa đổi",
        "hủy bỏ", "bãi bỏ", "khuyến khích", "chăm sóc", "thăm hỏi", "tặng quà", "cứu trợ", "ứng phó",
        "phòng ngừa", "đấu tranh", "triệt phá", "bắt giữ", "truy bắt", "khởi tố", "xét xử", "tái định cư",
        "bồi thường", "áp giá", "thanh quyết toán", "duyệt", "tổ chức thực hiện", "triển khai thực hiện",
        "giải quyết dứt điểm", "xử lý dứt điểm", "rà soát, bổ sung", "theo dõi, đôn đốc",
        "kiểm soát chặt chẽ",
        "lấy mẫu", "xét nghiệm", "cách ly", "khoanh vùng", "dập dịch", "tẩy uế", "khai báo", "cảnh báo",
        "phân luồng", "điều tiết", "chốt chặn", "ứng trực", "thường trực", "sẵn sàng", "nghiên cứu, đề xuất",
    ]
)
# Verbs after which the rest of a sentence only reports (not a directive): used by the splitter.
NARRATIVE_VERBS = PhraseSet(
    [
        "ghi nhận", "đánh giá cao", "biểu dương", "khen ngợi", "hoan nghênh", "tiếp thu", "trả lời", "đưa ra",
        "nêu", "phát biểu", "thảo luận", "nghe", "tiếp và làm việc", "chủ trì hội nghị", "chủ trì cuộc họp",
        "chủ trì buổi", "tổ chức hội nghị", "tổ chức họp", "tổ chức cuộc họp", "tổ chức giao ban",
        "tiến hành", "đồng ý", "nhất trí", "thống nhất chủ trương", "báo cáo tóm tắt", "chỉ ra", "cho biết",
        "dự", "tham dự", "đánh giá nhận xét", "nhận xét", "kết luận", "nhấn mạnh", "cho ý kiến", "giao ban",
        "họp giao ban", "tiếp đoàn", "làm việc với", "họp", "báo cáo kết quả đạt được", "phát biểu chỉ đạo",
    ],
    # "dự" is to attend; "dự án", "dự toán", "dự thảo", "dự kiến" ... are other words.
    compounds={"dự": ("án", "toán", "thảo", "kiến", "báo", "phòng", "trữ", "định", "tính", "thi", "trù", "khuyết")},
)
