import CardBatchCore

/// The staging steps of a bundle's result, in `ResultLayout`'s places: shared by the workers that
/// stage photos as they judge them and by the publisher.
extension StagedFolder {
    /// The folders the workers write into: `accepted/photos` for `process`, and `rejected`; for
    /// `precheck`, the spill file its page's thumbnails go into.
    public func prepareResultFolders(acceptsPhotos: Bool, keepsThumbnails: Bool) throws(OutputError) {
        if acceptsPhotos {
            try makeFolder(ResultLayout.acceptedFolder)
            try makeFolder(ResultLayout.acceptedPhotosFolder)
        }
        try makeFolder(ResultLayout.rejectedFolder)
        if keepsThumbnails {
            let spill = try ThumbnailSpill(folder: stagingPath, mode: fileMode)
            thumbnailSpill.withLock { $0 = spill }
        }
    }

    /// A results spill in the staging folder (unlinked at once: never published).
    public func makeResultSpill() throws(OutputError) -> ResultSpill {
        try ResultSpill(folder: stagingPath, mode: fileMode)
    }

    /// Keeps the `precheck` page's thumbnail of `row` until the page is written.
    public func spillThumbnail(_ jpeg: [UInt8], row: Int) throws(OutputError) {
        try thumbnailSpill.withLock { (spill: inout ThumbnailSpill?) throws(OutputError) in
            guard spill != nil else { throw OutputError(path: stagingPath, operation: "keep a thumbnail in", message: "no thumbnail spill was prepared") }
            try spill!.append(jpeg, row: row)
        }
    }

    /// The `precheck` page's thumbnail of `row`, read back from the spill; nil when there is none.
    public func spilledThumbnail(row: Int) -> [UInt8]? {
        thumbnailSpill.withLock { $0?.read(row: row) }
    }

    /// Removes the thumbnail spill (before the manifest: it is never published).
    public func dropThumbnailSpill() {
        thumbnailSpill.withLock { spill in
            spill?.remove()
            spill = nil
        }
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

    /// Stages a photo rejection's thumbnail beside its report and returns its path.
    public func stageThumbnail(_ jpeg: [UInt8], row: Int) throws(OutputError) -> String {
        let path = ResultLayout.rejectionStem(row: row) + ".jpg"
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
