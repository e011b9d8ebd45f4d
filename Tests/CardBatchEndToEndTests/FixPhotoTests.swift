import CardBatchCore
import CardBatchNative
import CardBatchSamples
import CardBatchTestSupport
import Foundation
import Testing

struct FixPhotoTests {
    @Test(.timeLimit(.minutes(2)))
    func anOversizedRotatedPhonePortraitBecomesAPhotoPrecheckAccepts() throws {
        let dir = TemporaryDirectory()
        // A 1200 × 1600 portrait, stored sideways as phones do, with EXIF orientation 6 and a date;
        // the person stands off centre, smaller than a card photo frames them.
        var painter = PortraitPainter(width: 1200, height: 1600)
        painter.moveX = 38
        painter.moveY = 30
        painter.faceScale = 0.8
        let shown = RGBImage(width: 1200, height: 1600, pixels: painter.paint(.varied(77), seed: 77))
        let stored = shown.applyingOrientation(8)
        let jpeg = try JPEGEncoder().encode(stored.pixels, width: stored.width, height: stored.height, quality: 95)
        let phone = EXIF.inserting(into: jpeg, orientation: 6, dateTimeOriginal: "2026:10:20 11:05:00")
        #expect(phone.count > 100_000)
        try Data(phone).write(to: URL(fileURLWithPath: dir.file("phone.jpg")))

        let run = try CardBatchBinary.run(["fix-photo", dir.file("phone.jpg"), dir.file("fixed.jpg")])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("turned upright (EXIF orientation 6)"))
        #expect(run.stdout.contains("resized from"))
        #expect(run.stdout.contains("cropped around the face"))
        let fixed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir.file("fixed.jpg"))))
        #expect((40_960...100_000).contains(fixed.count))
        #expect(EXIF.read(fixed) == EXIFFacts(orientation: nil, dateTimeOriginal: "2026:10:20 11:05:00"))

        let rows = Fixtures.employees(1, seed: 77)
        var bundle = Fixtures.cleanBundle(rows)
        bundle.replace(rows[0][.photo]!, with: fixed)
        let path = try Fixtures.write(bundle, "fixed.zip", in: dir)
        let check = try CardBatchBinary.run(["precheck", path, "--report", dir.file("report"), "--date", "2026-11-25"])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func whatCannotBeFixedIsRefusedWithAReason() throws {
        let dir = TemporaryDirectory()
        try Data(SamplePhotos.greyscale(seed: 3)).write(to: URL(fileURLWithPath: dir.file("grey.jpg")))
        let grey = try CardBatchBinary.run(["fix-photo", dir.file("grey.jpg"), dir.file("out.jpg")])
        #expect(grey.status == 2)
        #expect(grey.stdout.contains("greyscale"))
        let small = PortraitPainter(width: 200, height: 260)
        try Data(try JPEGEncoder().encode(small.paint(.varied(4), seed: 4), width: 200, height: 260, quality: 90))
            .write(to: URL(fileURLWithPath: dir.file("small.jpg")))
        let tiny = try CardBatchBinary.run(["fix-photo", dir.file("small.jpg"), dir.file("out.jpg")])
        #expect(tiny.status == 2)
        #expect(tiny.stdout.contains("too small"))
        try Data("%PDF-1.4 not a photo".utf8).write(to: URL(fileURLWithPath: dir.file("doc.jpg")))
        #expect(try CardBatchBinary.run(["fix-photo", dir.file("doc.jpg"), dir.file("out.jpg")]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.file("out.jpg")))
    }

    @Test func aPortraitWithNoFaceOrTwoIsRefusedForThat() throws {
        let dir = TemporaryDirectory()
        for (name, change) in [("back", { (p: inout PortraitPainter) in p.backOfHead = true }), ("two", { (p: inout PortraitPainter) in p.secondPerson = true })] {
            var painter = PortraitPainter(width: 716, height: 882)
            change(&painter)
            try Data(try JPEGEncoder().encode(painter.paint(.varied(8), seed: 8), width: 716, height: 882, quality: 90))
                .write(to: URL(fileURLWithPath: dir.file("\(name).jpg")))
            let run = try CardBatchBinary.run(["fix-photo", dir.file("\(name).jpg"), dir.file("\(name)-out.jpg")])
            #expect(run.status == 2, "\(run.stdout)")
            #expect(run.stdout.contains(name == "back" ? "no face was found" : "2 faces were found"), "\(run.stdout)")
            #expect(!FileManager.default.fileExists(atPath: dir.file("\(name)-out.jpg")))
        }
    }
}
