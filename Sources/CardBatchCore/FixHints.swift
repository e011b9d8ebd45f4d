/// How a person fixes a problem, for the fix hints that several rules share.
extension LocalizedText {
    /// A photo that resizing and re-saving can mend.
    public static let runFixPhoto = LocalizedText(
        en: "Run `cardbatch fix-photo ORIGINAL.jpg NEW.jpg` on the original photo, then put NEW.jpg in the bundle.",
        zh: "对原始照片运行 `cardbatch fix-photo 原图.jpg 新图.jpg`，再将新图放入压缩包。")
    /// A photo that only a new picture can mend.
    public static let retakePhoto = LocalizedText(
        en: "Take the photo again: white, evenly lit backdrop, sharp, correctly exposed, within the last 6 months.",
        zh: "请重新拍照：白色且光线均匀的背景，清晰，曝光正常，近 6 个月内拍摄。")
    public static let addOwnPhoto = LocalizedText(
        en: "Add this employee's own photo to the ZIP under the name the roster gives.",
        zh: "将该员工本人的照片按名册中的文件名加入压缩包。")
    public static let correctEmployeeRow = LocalizedText(
        en: "Correct this employee's row in the roster, copying from the passport and work permit.",
        zh: "请按护照和工作许可更正名册中该员工的信息。")
}
