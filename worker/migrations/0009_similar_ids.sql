-- The ids of each initiative's most similar initiatives, computed when it is written, so that its
-- page reads them by key instead of searching the text index (see refreshSimilar). NULL until first computed.
ALTER TABLE `initiatives` ADD `similar_ids` text;
