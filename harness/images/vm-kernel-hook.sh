# Runs in the kernel chroot after linux-image-amd64 is installed: builds a small initrd that holds only
# what a qemu guest with a virtio disk needs to mount its ext4 root (the full one is 36 MB; this ~7 MB).
ver=$(ls /lib/modules | head -n 1)
rm -rf /tmp/psl-initramfs
cp -a /etc/initramfs-tools /tmp/psl-initramfs
sed -i -E 's/^MODULES=.*/MODULES=list/' /tmp/psl-initramfs/initramfs.conf
printf 'virtio_pci\nvirtio_blk\next4\n' >> /tmp/psl-initramfs/modules
mkinitramfs -d /tmp/psl-initramfs -o /boot/psl-initrd.img "$ver"
rm -rf /tmp/psl-initramfs
