package org.allgo.webapps.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** An image a sandbox may start from, such as busybox or Debian; managed by superusers. */
@Entity
@Table(name = "base_image")
@NamedQuery(name = BaseImage.ALL, query = "SELECT b FROM BaseImage b ORDER BY b.name")
public class BaseImage {

  public static final String ALL = "BaseImage.all";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 255)
  private String image;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected BaseImage() {}

  public BaseImage(String name, String image, Instant createdAt) {
    this.name = Objects.requireNonNull(name, "name");
    this.image = Objects.requireNonNull(image, "image");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String image() {
    return image;
  }

  public BaseImageView view() {
    return new BaseImageView(id, name, image);
  }
}
