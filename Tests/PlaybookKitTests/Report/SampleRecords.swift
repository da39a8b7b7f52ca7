/// Session records written by hand, as `playbook run` and `practice` write them (keys sorted, one
/// object a line), covering every event of docs/sessions.md between them, in Vietnamese, Hebrew,
/// Chinese, Thai and English. They are the seeds that `RecordMutator` damages.
enum SampleRecords {
    /// A run in Vietnamese that ended: choice, yes/no (undone and answered again), number, scale and
    /// text answers, a buyer line, a note, an unmet exit criterion, two stages.
    static let vietnamese = """
        {"deal":"Công ty Ánh Dương","event":"start","language":"vi","mode":"run","playbook":{"hash":"fnv1a64:4c1d0e6b2f5a9c37","path":"/home/lan/playbooks/kham-pha.playbook","title":"Khám phá nhu cầu","version":"1.0"},"rep":"Nguyễn Thị Lan","seed":"5120771042","session":"20261122-174003-abd4","time":"2026-11-22T17:40:03.512Z","v":1}
        {"event":"stage_enter","number":1,"stage":"tinh_hinh","time":"2026-11-22T17:40:03.513Z","title":"Tình hình","v":1}
        {"event":"ask","question":"vai_tro","stage":"tinh_hinh","text":"Bạn đang nói chuyện với ai?","time":"2026-11-22T17:40:03.513Z","type":"choice","v":1}
        {"event":"answer","question":"vai_tro","seconds":4.21,"shown":"Người ủng hộ","time":"2026-11-22T17:40:07.725Z","v":1,"value":"Người ủng hộ"}
        {"event":"buyer","line":"Chúng tôi đang dùng bảng tính.","time":"2026-11-22T17:40:07.726Z","v":1}
        {"event":"ask","question":"ngan_sach","stage":"tinh_hinh","text":"Đã có ngân sách chưa?","time":"2026-11-22T17:40:07.726Z","type":"yes/no","v":1}
        {"event":"answer","question":"ngan_sach","seconds":2.5,"shown":"có","time":"2026-11-22T17:40:10.226Z","v":1,"value":true}
        {"event":"note","question":"ngan_sach","text":"Giám đốc tài chính duyệt quý sau","time":"2026-11-22T17:40:12.000Z","v":1}
        {"event":"undo","question":"ngan_sach","time":"2026-11-22T17:40:13.000Z","v":1}
        {"event":"ask","question":"ngan_sach","stage":"tinh_hinh","text":"Đã có ngân sách chưa?","time":"2026-11-22T17:40:13.001Z","type":"yes/no","v":1}
        {"event":"answer","question":"ngan_sach","seconds":1.75,"shown":"không","time":"2026-11-22T17:40:14.751Z","v":1,"value":false}
        {"event":"unmet","message":"cần có ngân sách","stage":"tinh_hinh","time":"2026-11-22T17:40:14.752Z","v":1}
        {"event":"stage_leave","stage":"tinh_hinh","time":"2026-11-23T09:00:00.000Z","v":1}
        {"event":"stage_enter","number":2,"stage":"van_de","time":"2026-11-23T09:00:00.001Z","title":"Vấn đề","v":1}
        {"event":"ask","question":"quy_mo","stage":"van_de","text":"Bao nhiêu người dùng?","time":"2026-11-23T09:00:00.002Z","type":"number","v":1}
        {"event":"answer","question":"quy_mo","seconds":12,"shown":"250.000","time":"2026-11-23T09:00:12.002Z","v":1,"value":250000}
        {"event":"ask","question":"muc_do","stage":"van_de","text":"Mức độ cấp bách (1–5)?","time":"2026-11-23T09:00:12.003Z","type":"scale","v":1}
        {"event":"answer","question":"muc_do","seconds":3.125,"shown":"4","time":"2026-11-23T09:00:15.128Z","v":1,"value":4}
        {"event":"ask","question":"lo_lang","stage":"van_de","text":"Điều gì khiến họ lo lắng?","time":"2026-11-23T09:00:15.129Z","type":"text","v":1}
        {"event":"answer","question":"lo_lang","seconds":30.5,"shown":"Dữ liệu bị mất","time":"2026-11-23T09:00:45.629Z","v":1,"value":"Dữ liệu bị mất"}
        {"by_rep":true,"event":"end","outcome":"thắng","reason":"ký hợp đồng","score":7.5,"time":"2026-11-25T10:00:00.000Z","v":1}

        """

    /// A run in Hebrew, paused and resumed, a `back` into the first stage (re-entered), an undo with
    /// nothing to take away, ended lost by the rep.
    static let hebrew = """
        {"deal":null,"event":"start","language":"he","mode":"run","playbook":{"hash":"fnv1a64:00000000000000a1","path":"/srv/team/גילוי.playbook","title":"שיחת גילוי","version":null},"rep":"דנה כהן","seed":"18446744073709551615","session":"20261201-080000-0001","time":"2026-12-01T08:00:00.000Z","v":1}
        {"event":"stage_enter","number":1,"stage":"situation","time":"2026-12-01T08:00:00.001Z","title":"מצב","v":1}
        {"event":"ask","question":"role","stage":"situation","text":"עם מי אתה מדבר?","time":"2026-12-01T08:00:00.002Z","type":"choice","v":1}
        {"event":"answer","question":"role","seconds":6,"shown":"אלוף","time":"2026-12-01T08:00:06.002Z","v":1,"value":"אלוף"}
        {"event":"stage_leave","stage":"situation","time":"2026-12-01T08:10:00.000Z","v":1}
        {"event":"stage_enter","number":2,"stage":"problem","time":"2026-12-01T08:10:00.001Z","title":"בעיה","v":1}
        {"event":"ask","question":"pain","stage":"problem","text":"האם יש כאב?","time":"2026-12-01T08:10:00.002Z","type":"yes/no","v":1}
        {"event":"pause","reason":"command","time":"2026-12-01T08:11:00.000Z","v":1}
        {"event":"resume","not_replayed":0,"playbook_changed":false,"replayed":1,"time":"2026-12-03T14:00:00.000Z","v":1}
        {"event":"undo","question":"pain","time":"2026-12-03T14:00:01.000Z","v":1}
        {"event":"stage_enter","number":1,"stage":"situation","time":"2026-12-03T14:00:02.000Z","title":"מצב","v":1}
        {"event":"stage_leave","stage":"situation","time":"2026-12-03T14:00:03.000Z","v":1}
        {"event":"stage_enter","number":2,"stage":"problem","time":"2026-12-03T14:00:03.001Z","title":"בעיה","v":1}
        {"event":"ask","question":"pain","stage":"problem","text":"האם יש כאב?","time":"2026-12-03T14:00:03.002Z","type":"yes/no","v":1}
        {"event":"answer","question":"pain","seconds":0.004,"shown":"לא","time":"2026-12-03T14:00:03.006Z","v":1,"value":false}
        {"by_rep":false,"event":"end","outcome":"lost","reason":null,"score":-1.5,"time":"2026-12-03T14:00:04.000Z","v":1}

        """

    /// A run in Chinese that faulted in its first stage, with a buyer line.
    static let chinese = """
        {"deal":"华为","event":"start","language":"zh","mode":"run","playbook":{"hash":"fnv1a64:00000000000000c3","path":"/home/wang/发现需求.playbook","title":"发现需求","version":"2.0"},"rep":"王芳","seed":"0","session":"20260105-093000-ffff","time":"2026-01-05T09:30:00Z","v":1}
        {"event":"stage_enter","number":1,"stage":"jieduan1","time":"2026-01-05T09:30:00.010Z","title":"了解现状","v":1}
        {"event":"ask","question":"yusuan","stage":"jieduan1","text":"预算是多少（万元）？","time":"2026-01-05T09:30:00.020Z","type":"number","v":1}
        {"event":"answer","question":"yusuan","seconds":8,"shown":"12.5","time":"2026-01-05T09:30:08.020Z","v":1,"value":12.5}
        {"event":"buyer","line":"我们明年再说。","time":"2026-01-05T09:30:08.021Z","v":1}
        {"event":"ask","question":"juece","stage":"jieduan1","text":"谁来拍板？","time":"2026-01-05T09:30:08.022Z","type":"text","v":1}
        {"event":"fault","file":"发现需求.playbook","line":12,"message":"除以零","time":"2026-01-05T09:30:09.000Z","v":1}

        """

    /// A practice run in Thai: a persona, a scored move taken back and made again, the result.
    static let thai = """
        {"deal":null,"event":"start","feedback":"end","language":"th","mode":"practice","persona":"skeptic","persona_name":"ผู้ซื้อขี้สงสัย","playbook":{"hash":"fnv1a64:00000000000000d4","path":"/home/somchai/ฝึกการขาย.playbook","title":"ฝึกการขาย","version":"1"},"rep":"สมชาย","seed":"77","session":"20260310-140000-0a0a","time":"2026-03-10T14:00:00.000Z","v":1}
        {"event":"stage_enter","number":1,"stage":"open","time":"2026-03-10T14:00:00.001Z","title":"เปิดการสนทนา","v":1}
        {"event":"ask","question":"greet","stage":"open","text":"คุณจะเริ่มอย่างไร?","time":"2026-03-10T14:00:00.002Z","type":"choice","v":1}
        {"event":"answer","question":"greet","seconds":5.5,"shown":"ถามคำถามเปิด","time":"2026-03-10T14:00:05.502Z","v":1,"value":"ถามคำถามเปิด"}
        {"best":true,"best_option":"ถามคำถามเปิด","best_points":3,"chosen":"ถามคำถามเปิด","event":"move","points":3,"question":"greet","text":"คุณจะเริ่มอย่างไร?","time":"2026-03-10T14:00:05.502Z","v":1}
        {"event":"undo","question":"greet","time":"2026-03-10T14:00:06.000Z","v":1}
        {"event":"ask","question":"greet","stage":"open","text":"คุณจะเริ่มอย่างไร?","time":"2026-03-10T14:00:06.001Z","type":"choice","v":1}
        {"event":"answer","question":"greet","seconds":2.25,"shown":"เสนอราคาเลย","time":"2026-03-10T14:00:08.251Z","v":1,"value":"เสนอราคาเลย"}
        {"best":false,"best_option":"ถามคำถามเปิด","best_points":3,"chosen":"เสนอราคาเลย","event":"move","points":0,"question":"greet","text":"คุณจะเริ่มอย่างไร?","time":"2026-03-10T14:00:08.251Z","v":1}
        {"event":"stage_leave","stage":"open","time":"2026-03-10T14:00:08.252Z","v":1}
        {"by_rep":false,"event":"end","outcome":"ไม่ซื้อ","reason":null,"score":0,"time":"2026-03-10T14:00:08.253Z","v":1}
        {"best_on_path":3,"best_possible":3,"event":"practice_result","grade":50,"moves":[{"best":false,"best_option":"ถามคำถามเปิด","best_points":3,"chosen":"เสนอราคาเลย","points":0,"question":"greet","text":"คุณจะเริ่มอย่างไร?"}],"score":0,"taken_back":[{"best":true,"best_option":"ถามคำถามเปิด","best_points":3,"chosen":"ถามคำถามเปิด","points":3,"question":"greet","text":"คุณจะเริ่มอย่างไร?"}],"time":"2026-03-10T14:00:08.254Z","v":1}

        """

    /// A run in English killed mid-walk (interrupted), with no rep, deal or version, an answer
    /// outside the ASCII range, a stage left in the middle of another's visit.
    static let english = """
        {"deal":null,"event":"start","language":"en","mode":"run","playbook":{"hash":"fnv1a64:00000000000000e5","path":"/home/al/discovery.playbook","title":"Discovery Call (SPIN)","version":null},"rep":null,"seed":"5","session":"20260601-120000-beef","time":"2026-06-01T12:00:00.000Z","v":1}
        {"event":"stage_enter","number":1,"stage":"situation","time":"2026-06-01T12:00:00.001Z","title":"Situation","v":1}
        {"event":"ask","question":"mood","stage":"situation","text":"How do they feel? 🙂","time":"2026-06-01T12:00:00.002Z","type":"text","v":1}
        {"event":"answer","question":"mood","seconds":0,"shown":"Calm — “fine”","time":"2026-06-01T12:00:00.002Z","v":1,"value":"Calm — “fine”"}
        {"event":"stage_enter","number":2,"stage":"problem","time":"2026-06-01T12:05:00.000Z","title":"Problem","v":1}
        {"event":"stage_leave","stage":"situation","time":"2026-06-01T12:05:00.001Z","v":1}
        {"event":"ask","question":"size","stage":"problem","text":"Team size?","time":"2026-06-01T12:05:00.002Z","type":"number","v":1}
        {"event":"answer","question":"size","seconds":1.001,"shown":"-3.5","time":"2026-06-01T12:05:01.003Z","v":1,"value":-3.5}
        {"event":"pause","reason":"interrupt","time":"2026-06-01T12:05:02.000Z","v":1}
        {"event":"resume","not_replayed":0,"playbook_changed":true,"replayed":2,"time":"2026-06-02T08:00:00.000Z","v":1}
        {"event":"ask","question":"budget","stage":"problem","text":"Budget?","time":"2026-06-02T08:00:00.001Z","type":"yes/no","v":1}

        """

    static let all = [vietnamese, hebrew, chinese, thai, english]
}
