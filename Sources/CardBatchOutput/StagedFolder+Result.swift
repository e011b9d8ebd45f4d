/// The staging steps of a bundle's result, in `ResultLayout`'s places: shared by the workers that
/// stage photos as they judge them and by the publisher.
extension StagedFolder {
    /// The folders the workers write into: `accepted/photos` for `process`, `rejected`, and
    /// `thumbnails` for `precheck`.
    public func prepareResultFolders(acceptsPhotos: Bool, keepsThumbnails: Bool) throws(OutputError) {
        if acceptsPhotos {
            try makeFolder(ResultLayout.acceptedFolder)
            try makeFolder(ResultLayout.acceptedPhotosFolder)
        }
        try makeFolder(ResultLayout.rejectedFolder)
        if keepsThumbnails { try makeFolder(ResultLayout.thumbnailsFolder) }
    }

    /// Stages an accepted employee's photo as submitted.
    public func stageAcceptedPhoto(_ bytes: [UInt8], key: String, sha256: String?) throws(OutputError) {
        try write(bytes, to: ResultLayout.acceptedPhoto(key: key), sha256: sha256)
    }

    /// Takes back the photo of an employee a later check rejected (a shared photo, or an employee
    /// another bundle already holds).
    public func withdrawAcceptedPhoto(key: String) throws(OutputError) {
        try remove(ResultLayout.acceptedPhoto(key: key))
    }

    /// Stages a thumbnail of the employee's photo and returns its path: every employee's for the
    /// `precheck` page, a photo rejection's beside its report otherwise.
    public func stageThumbnail(_ jpeg: [UInt8], row: Int, forPrecheck: Bool) throws(OutputError) -> String {
        let path = forPrecheck ? ResultLayout.precheckThumbnail(row: row) : ResultLayout.rejectionStem(row: row) + ".jpg"
        try write(jpeg, to: path)
        return path
    }

    /// Removes the folders that stayed empty: `accepted` when nobody was accepted (photos may have
    /// been staged before later checks rejected everyone), `rejected` when nobody was rejected.
    public func removeEmptyResultFolders(acceptedCount: Int, rejectedCount: Int) {
        if acceptedCount == 0 {
            removeFolderIfEmpty(ResultLayout.acceptedPhotosFolder)
            removeFolderIfEmpty(ResultLayout.acceptedFolder)
        }
        if rejectedCount == 0 { removeFolderIfEmpty(ResultLayout.rejectedFolder) }
    }
}
